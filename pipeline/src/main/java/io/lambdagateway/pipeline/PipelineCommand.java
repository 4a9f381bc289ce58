package io.lambdagateway.pipeline;

import io.lambdagateway.kafka.KafkaCliOptions;
import io.lambdagateway.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline}: runs one Transfer-like pipeline until the JVM is stopped. Every option has an
 * environment variable and a default (see {@code io.lambdagateway.settings.Settings}); the Kafka
 * connection options are the ones every command shares ({@link KafkaCliOptions}); the pipeline's
 * own come in groups: {@link PipelineTopicOptions}, {@link FunctionTargetOptions}, {@link
 * BatchingOptions}, {@link FailureOptions} and {@link DeliveryOptions}. It exits with 1 when Kafka
 * does not answer within {@code --kafka-timeout} at start (one line, {@code cannot reach Kafka at
 * ...}), when the pipeline cannot start, or when it must stop (fenced by a newer instance with its
 * name). With {@code --status-port} it also serves {@code GET /metrics} (Prometheus) and {@code GET
 * /health} (200, or 503 while a batch is stalled or while Kafka does not answer, with a reason) on
 * {@code --status-host} (loopback unless told otherwise).
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Kafka -> Lambda -> Kafka, as DoubleCloud Transfer does it.")
public final class PipelineCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

  @Spec CommandSpec spec;

  @Mixin KafkaCliOptions kafka;

  @Mixin PipelineTopicOptions topics = new PipelineTopicOptions();

  @Mixin FunctionTargetOptions function = new FunctionTargetOptions();

  @Mixin BatchingOptions batching = new BatchingOptions();

  @Mixin FailureOptions failures = new FailureOptions();
  @Mixin DeliveryOptions delivery = new DeliveryOptions();

  @Option(
      names = "--status-port",
      defaultValue = "${env:PIPELINE_STATUS_PORT:--1}",
      description = "Serve /metrics and /health on this port; -1 = off, 0 = any free port.")
  int statusPort;

  @Option(
      names = "--status-host",
      defaultValue = "${env:PIPELINE_STATUS_HOST:-127.0.0.1}",
      description = "Interface the status port binds; 0.0.0.0 for every interface.")
  String statusHost;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = toConfig();
    return kafka.whenReachable(() -> run(config));
  }

  private int run(PipelineConfig config) throws InterruptedException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineVerticle pipeline = new PipelineVerticle(config, registry);
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(pipeline).await();
      if (statusPort >= 0) {
        HttpServer server = startStatusServer(vertx, registry, pipeline);
        LOG.info("status on http://{}:{}/metrics and /health", statusHost, server.actualPort());
      }
    } catch (RuntimeException e) {
      // An expected condition (the function is away, a topic is missing): one line, no trace.
      LOG.error("pipeline failed to start: {}", e.getMessage());
      vertx.close().await();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger();
    pipeline
        .fatal()
        .onFailure(
            err -> {
              exitCode.set(1);
              stopped.countDown();
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  vertx.close().await();
                  stopped.countDown();
                },
                "pipeline-stop"));
    stopped.await();
    return exitCode.get();
  }

  /**
   * The config these options describe.
   *
   * @throws ParameterException (exit code 2, one line) when an option is invalid
   */
  PipelineConfig toConfig() {
    checkRanges();
    try {
      return buildConfig();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private void checkRanges() {
    batching.check();
    Settings.inRange(spec, "--status-port", statusPort, -1, 65535);
    topics.check();
  }

  private PipelineConfig buildConfig() {
    PipelineConfigBuilder builder = PipelineConfig.builder(kafka.toSettings());
    topics.applyTo(builder);
    function.applyTo(builder);
    batching.applyTo(builder);
    failures.applyTo(builder);
    delivery.applyTo(builder);
    return builder.build();
  }

  private HttpServer startStatusServer(
      Vertx vertx, PrometheusMeterRegistry registry, PipelineVerticle pipeline) {
    return vertx
        .createHttpServer()
        .requestHandler(StatusEndpoints.create(registry, pipeline))
        .listen(statusPort, statusHost)
        .await();
  }
}
