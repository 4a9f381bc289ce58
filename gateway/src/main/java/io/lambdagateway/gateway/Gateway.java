package io.lambdagateway.gateway;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.gateway.deploy.DeploymentStore;
import io.lambdagateway.gateway.deploy.Deployments;
import io.lambdagateway.gateway.deploy.WriteAccess;
import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.function.EnricherFunction;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.http.BodyBudget;
import io.lambdagateway.gateway.http.ClientErrorLog;
import io.lambdagateway.gateway.http.dashboard.DashboardHub;
import io.lambdagateway.gateway.http.url.FunctionUrlEvent;
import io.lambdagateway.gateway.http.url.FunctionUrlResponse;
import io.lambdagateway.gateway.http.url.UrlRequest;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.json.JsonScan;
import io.lambdagateway.gateway.platform.ConcurrencyLimiter;
import io.lambdagateway.gateway.platform.EventQueue;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.gateway.platform.InvocationMetrics;
import io.lambdagateway.gateway.platform.Invoker;
import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.HostedFunctions;
import io.lambdagateway.gateway.runtime.RuntimeFunction;
import io.lambdagateway.gateway.runtime.RuntimeLaunchers;
import io.lambdagateway.gateway.runtime.RuntimeSettings;
import io.lambdagateway.gateway.runtime.define.CodeDirectories;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running gateway: its own Vert.x instance (with Micrometer metrics), the hosted functions and
 * one HTTP verticle per event loop, all listening on one port.
 *
 * <p>Start it with {@link #start} from a plain thread (main, a test), never an event loop: it does
 * blocking set-up first (class warm-up and, when {@code ENRICHER_PUBLIC_IP} is unset, the
 * enricher's one-time address discovery, up to 2 s). {@link #close()} drains it (health goes DOWN,
 * servers shut down gracefully within the configured grace period) and closes Vert.x.
 */
public final class Gateway {

  private final Vertx vertx;
  private final GatewayServices services;
  private final int port;
  private final BodyBudget bodyBudget;

  private Gateway(Vertx vertx, GatewayServices services, int port, BodyBudget bodyBudget) {
    this.vertx = vertx;
    this.services = services;
    this.port = port;
    this.bodyBudget = bodyBudget;
  }

  /** Starts the gateway with the enricher (the default function) and the configured functions. */
  public static Future<Gateway> start(GatewayConfig config) {
    return start(config, List.of(), new VertxOptions());
  }

  /**
   * Starts the gateway with the enricher, {@code extraFunctions} and the configuration's hosted
   * {@link FunctionSpec}s, whose execution environments follow its {@link RuntimeSettings}.
   *
   * @param vertxOptions base Vert.x options (tests lower the blocked-thread thresholds)
   * @throws IllegalArgumentException with one line when a hosted function cannot run here
   */
  public static Future<Gateway> start(
      GatewayConfig config, List<HostedFunction> extraFunctions, VertxOptions vertxOptions) {
    warmUp();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = vertx(vertxOptions, registry);
    FunctionRegistry registryOfFunctions =
        new FunctionRegistry(functions(config, extraFunctions, vertx), config.functionName());
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(config.maxConcurrency());
    InvocationMetrics metrics = new InvocationMetrics(registry, limiter::inFlight);
    Invoker invoker =
        new Invoker(vertx, config::functionArn, config.maxResponseBytes(), limiter, metrics);
    EventStores stores = EventStores.open(vertx, config);
    EventQueue events = eventQueue(vertx, config, invoker, stores);
    Deployments deployments =
        new Deployments(
            vertx,
            config,
            registryOfFunctions,
            config.stateDir().map(DeploymentStore::open),
            WriteAccess.of(config));
    deployments.restore();
    GatewayServices services =
        new GatewayServices(
            config,
            registryOfFunctions,
            invoker,
            events,
            deployments,
            registry,
            new AtomicBoolean());
    BodyBudget bodyBudget = bodyBudget(config, registry);
    ClientErrorLog clientErrors =
        new ClientErrorLog(config.httpLimits().clientErrorLogLines(), Duration.ofMinutes(1));
    DashboardHub dashboard = DashboardHub.create(vertx, services, metrics.live());
    return deploy(vertx, services, bodyBudget, clientErrors, dashboard)
        .onSuccess(started -> events.restore(stores.journal().recovered(), registryOfFunctions))
        .onFailure(failure -> events.close().onComplete(closed -> vertx.close()));
  }

  /** Vert.x from the base options, its metrics into {@code registry}. */
  private static Vertx vertx(VertxOptions base, PrometheusMeterRegistry registry) {
    return Vertx.builder()
        .with(
            new VertxOptions(base)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** The gateway-wide bound on request bodies held in memory, published as a gauge. */
  private static BodyBudget bodyBudget(GatewayConfig config, PrometheusMeterRegistry registry) {
    BodyBudget budget = new BodyBudget(config.httpLimits().maxBodyBytesInFlight());
    Gauge.builder("gateway_request_body_bytes_in_flight", budget, BodyBudget::used)
        .description("Request-body bytes held in memory by all requests together")
        .register(registry);
    return budget;
  }

  /**
   * The enricher, the bench echo when asked, {@code extraFunctions} and the configuration's hosted
   * functions; closes {@code vertx} when one of those cannot run here.
   */
  private static List<HostedFunction> functions(
      GatewayConfig config, List<HostedFunction> extraFunctions, Vertx vertx) {
    List<HostedFunction> functions = new ArrayList<>();
    functions.add(enricher(config));
    if (config.benchEcho()) {
      functions.add(host(config, EchoFunction.NAME, new EchoFunction()));
    }
    functions.addAll(extraFunctions);
    try {
      // one set of launchers: each looks up its interpreter once, not once per function
      RuntimeLaunchers launchers = RuntimeLaunchers.defaults();
      for (FunctionSpec spec : config.functions()) {
        functions.add(
            HostedFunctions.of(spec, vertx, config.region(), config.runtimeSettings(), launchers));
      }
      return functions;
    } catch (IllegalArgumentException cannotHost) {
      vertx.close();
      throw cannotHost;
    }
  }

  private static EventQueue eventQueue(
      Vertx vertx, GatewayConfig config, Invoker invoker, EventStores stores) {
    EventQueue.Limits limits =
        new EventQueue.Limits(
            config.eventQueueSize(), config.eventConcurrency(), config.eventQueueBytes());
    return new EventQueue(
        vertx,
        invoker,
        config::functionArn,
        limits,
        config.eventRetryPolicy(),
        stores.journal(),
        stores.destination());
  }

  /**
   * Loads and initialises the JSON classes every request uses, on the calling thread: done lazily
   * by the first request, it takes hundreds of milliseconds on a busy machine, which would stall an
   * event loop.
   */
  private static void warmUp() {
    UrlRequest sample =
        new UrlRequest(
            "POST",
            "/",
            "a=1",
            List.of(Map.entry("Host", "x")),
            "{}".getBytes(StandardCharsets.UTF_8),
            "HTTP/1.1",
            "127.0.0.1",
            "warm-up",
            Instant.now(),
            "warm-up");
    byte[] event = Json.bytes(FunctionUrlEvent.build(sample));
    JsonScan.problem(event);
    FunctionUrlResponse.fromPayload("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
    FunctionError.of(new IllegalStateException("warm-up")).toJson();
  }

  /** The functions in runtime processes, each with its execution environments. */
  private List<RuntimeFunction> runtimeFunctions() {
    List<RuntimeFunction> hosted = new ArrayList<>();
    services.functions().all().stream()
        .map(HostedFunction::function)
        .forEach(
            function -> {
              if (function instanceof RuntimeFunction runtime) {
                hosted.add(runtime);
              }
            });
    return hosted;
  }

  /** A hosted function with the gateway-wide timeout and memory size. */
  public static HostedFunction host(GatewayConfig config, String name, LambdaFunction function) {
    return new HostedFunction(
        name, function, config.functionTimeout(), config.memorySizeMb(), OptionalInt.empty());
  }

  private static Future<Gateway> deploy(
      Vertx vertx,
      GatewayServices services,
      BodyBudget bodyBudget,
      ClientErrorLog clientErrors,
      DashboardHub dashboard) {
    List<GatewayVerticle> instances = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(
            () -> {
              GatewayVerticle verticle =
                  new GatewayVerticle(
                      services, services.config().port(), bodyBudget, clientErrors, dashboard);
              instances.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(services.config().effectiveInstances()))
        .map(id -> new Gateway(vertx, services, instances.get(0).actualPort(), bodyBudget));
  }

  private static HostedFunction enricher(GatewayConfig config) {
    // the enricher's own factory discovers the address (once, blocking) when none is set
    EnricherConfig enricherConfig =
        EnricherConfig.fromEnvironment(
            Map.of(
                EnricherConfig.PUBLIC_IP_VARIABLE, config.enricherPublicIp().orElse(""),
                EnricherConfig.SKIP_BAD_ROWS_VARIABLE,
                    Boolean.toString(config.enricherSkipBadRows()),
                EnricherConfig.OUTPUT_VARIABLE, config.enricherOutput().wireName()));
    return new HostedFunction(
        config.functionName(),
        new EnricherFunction(Enricher.create(enricherConfig)),
        config.functionTimeout(),
        config.memorySizeMb(),
        config.reservedConcurrency());
  }

  /** The port the gateway listens on. */
  public int port() {
    return port;
  }

  /** Request-body bytes held in memory now, by all requests together. */
  public long bodyBytesInFlight() {
    return bodyBudget.used();
  }

  public GatewayConfig config() {
    return services.config();
  }

  /** Function calls running now, synchronous and event calls alike. */
  public int callsInFlight() {
    Gauge inFlight = services.registry().find(InvocationMetrics.IN_FLIGHT).gauge();
    return inFlight == null ? 0 : (int) inFlight.value();
  }

  /** Event calls accepted and not finished: queued, running or being accepted. */
  public int eventsPending() {
    return services.events().size();
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Drains and stops: health reports DOWN, each server stops accepting connections and lets
   * in-flight calls finish within the shutdown grace period, then every runtime process is stopped
   * (those of deployed functions too), the code extracted from the functions' zips is deleted and
   * Vert.x closes. Event calls not finished stay in the journal (with a state directory) and run
   * after the next start; without one they are lost.
   */
  public Future<Void> close() {
    services.draining().set(true);
    List<Future<Void>> undeployed = new ArrayList<>();
    vertx.deploymentIDs().forEach(id -> undeployed.add(vertx.undeploy(id)));
    return Future.join(undeployed)
        .transform(done -> services.events().close())
        .transform(done -> stopRuntimes())
        .transform(done -> services.deployments().close())
        .transform(done -> deleteExtractedCode())
        .transform(done -> vertx.close());
  }

  /** Deletes the directories the configuration's zips were extracted into (blocking, a worker). */
  private Future<Void> deleteExtractedCode() {
    return vertx.executeBlocking(
        () -> {
          config().functions().forEach(spec -> CodeDirectories.deleteExtracted(spec.codeDir()));
          return null;
        },
        false);
  }

  private Future<Void> stopRuntimes() {
    List<Future<Void>> stopped = new ArrayList<>();
    runtimeFunctions().forEach(function -> stopped.add(function.close()));
    return Future.join(stopped).mapEmpty();
  }
}
