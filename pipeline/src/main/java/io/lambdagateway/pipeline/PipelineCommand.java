package io.lambdagateway.pipeline;

import io.lambdagateway.kafka.KafkaCliOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
 * environment variable (shown in its description) and a default; the Kafka connection options
 * are the ones every command shares ({@link KafkaCliOptions}). With {@code --status-port} it
 * also serves {@code GET /metrics} (Prometheus) and {@code GET /health} (200, or 503 while a batch
 * is stalled).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
  description = "Kafka -> Lambda -> Kafka, as DoubleCloud Transfer does it.")
public final class PipelineCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

  @Spec
  CommandSpec spec;

  @Mixin
  KafkaCliOptions kafka;

  @Option(names = "--source-topic", defaultValue = "${env:SOURCE_TOPIC:-source-topic}",
    description = "SOURCE_TOPIC (default ${DEFAULT-VALUE})")
  String sourceTopic;

  @Option(names = "--target-topic", defaultValue = "${env:TARGET_TOPIC:-target-topic}",
    description = "TARGET_TOPIC (default ${DEFAULT-VALUE})")
  String targetTopic;

  @Option(names = "--dlq-topic", defaultValue = "${env:PIPELINE_DLQ_TOPIC}",
    description = "PIPELINE_DLQ_TOPIC (default <source-topic>.dlq)")
  String dlqTopic;

  @Option(names = "--group-id", defaultValue = "${env:PIPELINE_GROUP_ID:-transfer-pipeline}",
    description = "PIPELINE_GROUP_ID (default ${DEFAULT-VALUE})")
  String groupId;

  @Option(names = "--auto-offset-reset", defaultValue = "${env:PIPELINE_AUTO_OFFSET_RESET:-earliest}",
    description = "PIPELINE_AUTO_OFFSET_RESET: earliest or latest (default ${DEFAULT-VALUE})")
  String autoOffsetReset;

  @Option(names = "--target", defaultValue = "${env:PIPELINE_TARGET:-function-url}",
    converter = TargetConverter.class,
    description = "PIPELINE_TARGET: function-url, invoke-api or aws (default ${DEFAULT-VALUE})")
  PipelineTarget target;

  @Option(names = "--function-url", defaultValue = "${env:PIPELINE_FUNCTION_URL:-http://127.0.0.1:8080}",
    description = "PIPELINE_FUNCTION_URL: function URL base or Invoke API endpoint (default ${DEFAULT-VALUE})")
  String functionUrl;

  @Option(names = "--function-name", defaultValue = "${env:PIPELINE_FUNCTION_NAME:-enricher}",
    description = "PIPELINE_FUNCTION_NAME (default ${DEFAULT-VALUE})")
  String functionName;

  @Option(names = "--token", defaultValue = "${env:PIPELINE_TOKEN:-}",
    description = "PIPELINE_TOKEN: bearer token of the function-url target (default empty)")
  String token;

  @Option(names = "--headers", defaultValue = "${env:PIPELINE_HEADERS:-}",
    description = "PIPELINE_HEADERS: Name=Value,Name=Value, sent last (may override)")
  String headers;

  @Option(names = "--aws-region", defaultValue = "${env:PIPELINE_AWS_REGION}",
    description = "PIPELINE_AWS_REGION (aws target; default: the SDK's region chain)")
  String awsRegion;

  @Option(names = "--aws-endpoint", defaultValue = "${env:PIPELINE_AWS_ENDPOINT}",
    description = "PIPELINE_AWS_ENDPOINT: endpoint override of the aws target")
  String awsEndpoint;

  @Option(names = "--buffer-size", defaultValue = "${env:PIPELINE_BUFFER_SIZE:-1MB}",
    description = "PIPELINE_BUFFER_SIZE: batch request size, at most 6MB (default ${DEFAULT-VALUE})")
  String bufferSize;

  @Option(names = "--flush-interval", defaultValue = "${env:PIPELINE_FLUSH_INTERVAL:-1s}",
    description = "PIPELINE_FLUSH_INTERVAL: 0 (per poll) to 900s (default ${DEFAULT-VALUE})")
  String flushInterval;

  @Option(names = "--invocation-timeout", defaultValue = "${env:PIPELINE_INVOCATION_TIMEOUT:-30s}",
    description = "PIPELINE_INVOCATION_TIMEOUT (default ${DEFAULT-VALUE})")
  String invocationTimeout;

  @Option(names = "--retries", defaultValue = "${env:PIPELINE_RETRIES:-3}",
    description = "PIPELINE_RETRIES (default ${DEFAULT-VALUE})")
  int retries;

  @Option(names = "--status-port", defaultValue = "${env:PIPELINE_STATUS_PORT:--1}",
    description = "PIPELINE_STATUS_PORT: serve /metrics and /health here; -1 = off, 0 = any port")
  int statusPort;

  @Override
  public Integer call() throws InterruptedException {
    PipelineConfig config = toConfig();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineVerticle pipeline = new PipelineVerticle(config, registry);
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(pipeline).await();
      if (statusPort >= 0) {
        HttpServer server = startStatusServer(vertx, statusPort, registry, pipeline);
        LOG.info("status on http://127.0.0.1:{}/metrics and /health", server.actualPort());
      }
    } catch (RuntimeException e) {
      LOG.error("pipeline failed to start: {}", e.getMessage(), e);
      vertx.close().await();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      stopped.countDown();
    }, "pipeline-stop"));
    stopped.await();
    return 0;
  }

  /**
   * The config these options describe.
   *
   * @throws ParameterException (exit code 2, with usage) when an option is invalid
   */
  PipelineConfig toConfig() {
    try {
      return buildConfig();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private PipelineConfig buildConfig() {
    PipelineConfig.Builder builder = PipelineConfig.builder(kafka.toSettings())
      .sourceTopic(sourceTopic).targetTopic(targetTopic).dlqTopic(dlqTopic).groupId(groupId)
      .autoOffsetReset(autoOffsetReset).target(target).functionUrl(functionUrl)
      .functionName(functionName).token(token).awsRegion(blankToNull(awsRegion))
      .awsEndpoint(blankToNull(awsEndpoint))
      .bufferSizeBytes(ConfigValues.parseBytes(bufferSize))
      .flushInterval(ConfigValues.parseDuration(flushInterval))
      .invocationTimeout(ConfigValues.parseDuration(invocationTimeout))
      .retries(retries);
    ConfigValues.parseHeaders(headers).forEach(builder::header);
    return builder.build();
  }

  private static HttpServer startStatusServer(Vertx vertx, int port,
      PrometheusMeterRegistry registry, PipelineVerticle pipeline) {
    return vertx.createHttpServer()
      .requestHandler(StatusEndpoints.create(registry, pipeline))
      .listen(port, "0.0.0.0")
      .await();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Accepts function-url, invoke-api and aws. */
  static final class TargetConverter implements picocli.CommandLine.ITypeConverter<PipelineTarget> {
    @Override
    public PipelineTarget convert(String value) {
      return PipelineTarget.parse(value);
    }
  }
}
