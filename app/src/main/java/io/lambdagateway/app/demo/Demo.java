package io.lambdagateway.app.demo;

import io.lambdagateway.consumer.ConsumerReport;
import io.lambdagateway.consumer.StartFrom;
import io.lambdagateway.consumer.TargetConsumerConfig;
import io.lambdagateway.consumer.TargetConsumerVerticle;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.Setting;
import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.kafka.KafkaTopics;
import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.lambdagateway.pipeline.PipelineConfig;
import io.lambdagateway.pipeline.PipelineTarget;
import io.lambdagateway.pipeline.PipelineVerticle;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.ProducerConfig;
import io.lambdagateway.producer.ProducerReport;
import io.lambdagateway.producer.ProducerVerticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class Demo {

  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  private static final int SOURCE_PARTITIONS = 3;
  private static final long READY_TIMEOUT_SECONDS = 30;

  /** Longest wait for one stop step; the pipeline's own stop grace is 10 s. */
  private static final long STEP_TIMEOUT_SECONDS = 20;

  private static final Duration PRODUCER_PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private final DemoConfig config;
  private final long startedNanos = System.nanoTime();
  private final Promise<Void> finished = Promise.promise();
  private final SimpleMeterRegistry pipelineMeters = new SimpleMeterRegistry();
  private EmbeddedKafkaBroker broker;
  private String bootstrapServers;
  private Gateway gateway;
  private Vertx vertx;
  private TargetConsumerVerticle consumer;
  private PipelineVerticle pipeline;
  private ProducerVerticle producer;

  /** Deployment ids, null until deployed; set on an event loop, read by the stopping thread. */
  private volatile String consumerId;

  private volatile String pipelineId;
  private volatile String producerId;
  private Future<DemoSummary> stopped;

  private Demo(DemoConfig config) {
    this.config = config;
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
      demo.vertx = Vertx.vertx();
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
    awaitStep(undeploy(producerId), "stopping the producer");
    awaitStep(undeploy(pipelineId), "stopping the pipeline");
    awaitStep(undeploy(consumerId), "stopping the consumer");
    if (vertx != null) {
      awaitStep(vertx.close(), "closing Vert.x");
    }
    if (gateway != null) {
      awaitStep(gateway.close(), "stopping the gateway");
    }
    if (broker != null) {
      broker.close();
    }
    return summary();
  }

  /** Waits for one stop step; a failed step is logged and the next one still runs. */
  private static void awaitStep(Future<?> step, String what) {
    try {
      step.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception failed) {
      LOG.warn("{} failed: {}", what, failed.toString());
    }
  }

  private void startKafka() {
    if (config.bootstrapServers().isPresent()) {
      bootstrapServers = config.bootstrapServers().get();
      status("Kafka: existing cluster at " + bootstrapServers);
      return;
    }
    int port = FreePorts.wishedOrAny("127.0.0.1", config.kafkaPort());
    broker = EmbeddedKafkaBroker.start(port);
    bootstrapServers = broker.bootstrapServers();
    status(
        "Kafka: embedded KRaft broker on "
            + bootstrapServers
            + takenNote(port, config.kafkaPort()));
  }

  private void startGateway() {
    int port = FreePorts.wishedOrAny(config.host(), config.port());
    Map<String, String> settings = new HashMap<>(config.gatewaySettings());
    settings.put(Setting.HOST.envName(), config.host());
    settings.put(Setting.PORT.envName(), Integer.toString(port));
    settings.put(Setting.AUTH_TOKEN.envName(), config.token());
    gateway = Gateway.start(GatewayConfig.fromSettings(settings)).await();
    status(
        "gateway: "
            + functionUrlBase()
            + "/"
            + gateway.config().functionName()
            + "?integration=raw (function URL, bearer token required)"
            + takenNote(port, config.port()));
  }

  private Future<Void> startClients() {
    consumer = new TargetConsumerVerticle(consumerConfig());
    pipeline = new PipelineVerticle(pipelineConfig(), pipelineMeters);
    producer = new ProducerVerticle(producerConfig());
    return createTopics()
        .compose(v -> vertx.deployVerticle(consumer))
        .compose(
            id -> {
              consumerId = id;
              return consumer.ready().timeout(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            })
        .compose(v -> vertx.deployVerticle(pipeline))
        .compose(
            id -> {
              pipelineId = id;
              return vertx.deployVerticle(producer);
            })
        .compose(
            id -> {
              producerId = id;
              armFinish();
              // printing may block (a piped stderr): not on the event loop
              return vertx.executeBlocking(
                  () -> {
                    status(flowBanner());
                    return null;
                  });
            })
        .mapEmpty();
  }

  private String flowBanner() {
    return "producer -> "
        + config.sourceTopic()
        + " ("
        + (config.rate() > 0 ? config.rate() + " msg/s, " : "unthrottled, ")
        + config.rows()
        + " rows each) -> pipeline -> "
        + gateway.config().functionName()
        + " -> "
        + config.targetTopic()
        + " (dead letters: "
        + config.dlqTopic()
        + "); enriched records follow on stdout. Ctrl-C stops.";
  }

  private Future<Void> createTopics() {
    KafkaClientSettings kafka = KafkaClientSettings.plaintext(bootstrapServers);
    short brokerDefault = ProducerConfig.DEFAULT_REPLICATION_FACTOR;
    return KafkaTopics.createIfMissing(
            vertx, kafka, config.sourceTopic(), SOURCE_PARTITIONS, brokerDefault)
        .compose(
            v -> KafkaTopics.createIfMissing(vertx, kafka, config.targetTopic(), 1, brokerDefault))
        .compose(
            v -> KafkaTopics.createIfMissing(vertx, kafka, config.dlqTopic(), 1, brokerDefault))
        .mapEmpty();
  }

  private TargetConsumerConfig consumerConfig() {
    return TargetConsumerConfig.builder(
            KafkaClientSettings.plaintext(bootstrapServers),
            config.targetTopic(),
            config.consumerGroup())
        .from(StartFrom.LATEST)
        .maxRecords(expectedRows(config))
        .out(config.out())
        .status(config.status())
        .build();
  }

  private PipelineConfig pipelineConfig() {
    return PipelineConfig.builder(bootstrapServers)
        .sourceTopic(config.sourceTopic())
        .targetTopic(config.targetTopic())
        .dlqTopic(config.dlqTopic())
        .groupId(config.pipelineGroup())
        .target(PipelineTarget.FUNCTION_URL)
        .functionUrl(functionUrlBase())
        .functionName(gateway.config().functionName())
        .token(config.token())
        .build();
  }

  private ProducerConfig producerConfig() {
    return ProducerConfig.builder(
            KafkaClientSettings.plaintext(bootstrapServers), config.sourceTopic())
        .partitions(SOURCE_PARTITIONS)
        .messageCount(config.count())
        .rate(config.rate())
        .rows(config.rows())
        .seed(config.seed())
        .progressInterval(PRODUCER_PROGRESS_INTERVAL)
        .out(config.status())
        .build();
  }

  private String functionUrlBase() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + host + ":" + gateway.port();
  }

  /**
   * Rows the consumer must print before a {@code count}-bounded run is over: the producer's
   * messages are seeded, so generating them again gives their row counts. 0 = unbounded.
   */
  static long expectedRows(DemoConfig config) {
    DemoMessages messages = new DemoMessages(config.seed(), config.rows());
    long rows = 0;
    for (long i = 0; i < config.count(); i++) {
      rows += messages.next().split("\n", -1).length;
    }
    return rows;
  }

  private void armFinish() {
    if (config.count() > 0) {
      consumer.completion().onComplete(report -> finished.tryComplete());
    }
    config
        .duration()
        .ifPresent(
            duration ->
                vertx
                    .timer(duration.toMillis(), TimeUnit.MILLISECONDS)
                    .onComplete(timer -> finished.tryComplete()));
  }

  private Future<Void> undeploy(String deploymentId) {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  private DemoSummary summary() {
    long produced =
        producer == null ? 0 : valueOr(producer.completion(), 0L, ProducerReport::acknowledged);
    long printed =
        consumer == null ? 0 : valueOr(consumer.completion(), 0L, ConsumerReport::records);
    DemoSummary summary =
        new DemoSummary(
            produced,
            count("pipeline.records.in"),
            count("pipeline.target.messages"),
            count("pipeline.dlq.messages"),
            printed,
            Duration.ofNanos(System.nanoTime() - startedNanos));
    status(summary.summaryLine());
    return summary;
  }

  private static <T> long valueOr(Future<T> report, long fallback, ToLongFunction<T> value) {
    return report.succeeded() ? value.applyAsLong(report.result()) : fallback;
  }

  private long count(String counter) {
    Counter found = pipelineMeters.find(counter).counter();
    return found == null ? 0 : (long) found.count();
  }

  private static String takenNote(int used, int wished) {
    return used == wished ? "" : " (port " + wished + " is taken; a free one was picked)";
  }

  private void status(String line) {
    config.status().println("demo: " + line);
    config.status().flush();
  }
}
