package io.lambdagateway.app.demo;

import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.Setting;
import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole example in one process: a Kafka broker (embedded single-node KRaft, unless an existing
 * cluster is given), the gateway hosting the enricher, the demo producer writing the source topic,
 * the pipeline calling the gateway's function URL exactly as Transfer would (base URL, function
 * {@code enricher}, bearer token) and the target consumer printing each enriched record as one JSON
 * line.
 *
 * <p>{@link #start} starts them in dependency order: broker, gateway, topics, consumer (ready
 * before anything is written), pipeline (which probes the function first), producer. {@link #stop}
 * stops them in reverse: producer, pipeline (in-flight calls finish and offsets are committed),
 * consumer, gateway (drained), broker. {@link #finished()} tells when a bounded run is over: after
 * {@code duration}, or once the consumer printed every row of the {@code count} produced messages
 * (their row total is known in advance, the messages being seeded).
 *
 * <p>This class only sequences the parts: {@link DemoClients} (the three clients and their Vert.x),
 * {@link DemoClientConfigs}, {@link DemoStatus} (what is printed) and {@link StopSteps}.
 */
public final class Demo {

  private final DemoConfig config;
  private final DemoStatus status;
  private final long startedNanos = System.nanoTime();
  private final Promise<Void> finished = Promise.promise();
  private EmbeddedKafkaBroker broker;
  private String bootstrapServers;
  // chosen before the gateway starts, so that its dashboard can be told where to read the pipeline
  private final int pipelineStatusPort = FreePorts.any(DemoClients.STATUS_HOST);
  private Gateway gateway;
  private DemoClients clients;
  private Future<DemoSummary> stopped;
  // set on an event loop, read by the stopping thread
  private volatile StatusTimer statusTimer;

  /** The periodic status-line timer and the context its ticks run on. */
  private record StatusTimer(Context context, long id) {}

  private Demo(DemoConfig config) {
    this.config = config;
    this.status = new DemoStatus(config.status());
  }

  /**
   * Starts the demo. Call it from a plain thread (main, a test), never an event loop: starting the
   * embedded broker and the gateway's set-up block the caller for a few seconds. When a step fails,
   * what had started is stopped again and the future fails.
   */
  public static Future<Demo> start(DemoConfig config) {
    Demo demo = new Demo(config);
    try {
      demo.startKafka();
      demo.startGateway();
      // from the caller's thread, so that the clients get contexts of the demo's own Vert.x
      demo.clients =
          new DemoClients(
              config,
              demo.bootstrapServers,
              demo.functionUrlBase(),
              demo.functionName(),
              demo.pipelineStatusPort);
      return demo.startClients()
          .map(v -> demo)
          .recover(failure -> demo.stop().transform(ignored -> Future.failedFuture(failure)));
    } catch (Exception failure) {
      return demo.stop().transform(ignored -> Future.failedFuture(failure));
    }
  }

  /** {@code host:port} of the Kafka cluster in use. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The port the gateway listens on. */
  public int gatewayPort() {
    return gateway.port();
  }

  /**
   * Completes when a bounded run is over (see the class comment); never for an unbounded run unless
   * it is stopped.
   */
  public Future<Void> finished() {
    return finished.future();
  }

  /**
   * Stops everything that runs, in reverse start order, and reports the run. Idempotent: later
   * calls return the same future. Call it from any thread: the steps run one after the other on a
   * thread of their own, because the last ones (closing the Vert.x instances, the broker) must not
   * run on an event loop that is being closed.
   */
  public synchronized Future<DemoSummary> stop() {
    if (stopped == null) {
      finished.tryComplete();
      stopped =
          Future.fromCompletionStage(
              CompletableFuture.supplyAsync(
                  this::stopInOrder, task -> new Thread(task, "demo-stop").start()));
    }
    return stopped;
  }

  private DemoSummary stopInOrder() {
    stopStatusLines();
    if (clients != null) {
      clients.stop();
    }
    if (gateway != null) {
      StopSteps.await(gateway.close(), "stopping the gateway");
    }
    if (broker != null) {
      broker.close();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    DemoSummary summary =
        clients == null ? new DemoSummary(0, 0, 0, 0, 0, elapsed) : clients.summary(elapsed);
    status.print(summary.summaryLine());
    return summary;
  }

  private void startKafka() {
    if (config.bootstrapServers().isPresent()) {
      bootstrapServers = config.bootstrapServers().get();
      status.print("Kafka: existing cluster at " + bootstrapServers);
      return;
    }
    int port = FreePorts.wishedOrAny("127.0.0.1", config.kafkaPort());
    broker = EmbeddedKafkaBroker.start(port);
    bootstrapServers = broker.bootstrapServers();
    status.print(
        "Kafka: embedded KRaft broker on "
            + bootstrapServers
            + DemoStatus.takenNote(port, config.kafkaPort()));
  }

  private void startGateway() {
    int port = FreePorts.wishedOrAny(config.host(), config.port());
    Map<String, String> settings = new HashMap<>(config.gatewaySettings());
    settings.put(Setting.HOST.envName(), config.host());
    settings.put(Setting.PORT.envName(), Integer.toString(port));
    settings.put(Setting.AUTH_TOKEN.envName(), config.token());
    settings.put(Setting.PIPELINE_STATUS_URL.envName(), DemoClients.statusUrl(pipelineStatusPort));
    gateway = Gateway.start(GatewayConfig.fromSettings(settings)).await();
    String url = functionUrlBase() + "/" + functionName() + "?integration=raw";
    status.print(
        "gateway: "
            + url
            + " (function URL, bearer token required)"
            + DemoStatus.takenNote(port, config.port()));
    status.print("dashboard: " + functionUrlBase() + "/ (live functions, invocations, pipeline)");
    status.print("token: " + DemoStatus.shownToken(config.token()));
    status.print("try: " + DemoStatus.curlLine(url, config.token()));
  }

  private Future<Void> startClients() {
    return clients
        .start()
        .compose(
            v -> {
              armFinish();
              startStatusLines();
              // printing may block (a piped stderr): not on the event loop
              return clients
                  .vertx()
                  .executeBlocking(
                      () -> {
                        status.print(DemoStatus.flowBanner(config, functionName()));
                        return null;
                      });
            })
        .mapEmpty();
  }

  /** A status line every {@code statusInterval}, printed on a worker (printing may block). */
  private void startStatusLines() {
    AtomicReference<DemoProgress> last =
        new AtomicReference<>(DemoProgress.start(System.nanoTime()));
    long timerId =
        clients
            .vertx()
            .setPeriodic(
                config.statusInterval().toMillis(),
                id -> {
                  DemoProgress now = clients.progress();
                  String line = now.statusLine(last.getAndSet(now));
                  clients
                      .vertx()
                      .executeBlocking(
                          () -> {
                            status.print(line);
                            return null;
                          });
                });
    statusTimer = new StatusTimer(clients.vertx().getOrCreateContext(), timerId);
  }

  /**
   * Cancels the status lines on the context their ticks run on, so that no tick is under way
   * afterwards: Vert.x closes its worker pool before its event loops, and a tick in between would
   * hand its printing to the closed pool.
   */
  private void stopStatusLines() {
    StatusTimer timer = statusTimer;
    if (timer == null) {
      return;
    }
    Promise<Void> cancelled = Promise.promise();
    timer
        .context()
        .runOnContext(
            v -> {
              timer.context().owner().cancelTimer(timer.id());
              cancelled.complete();
            });
    StopSteps.await(cancelled.future(), "stopping the status lines");
  }

  private void armFinish() {
    if (config.count() > 0) {
      clients.consumerCompletion().onComplete(report -> finished.tryComplete());
    }
    config
        .duration()
        .ifPresent(
            duration ->
                clients
                    .vertx()
                    .timer(duration.toMillis(), TimeUnit.MILLISECONDS)
                    .onComplete(timer -> finished.tryComplete()));
  }

  private String functionName() {
    return gateway.config().functionName();
  }

  private String functionUrlBase() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + host + ":" + gateway.port();
  }
}
