package io.lambdagateway.pipeline;

import io.lambdagateway.kafka.KafkaCliOptions;
import io.lambdagateway.settings.Settings;
import io.lambdagateway.settings.SizeConverter;
import io.lambdagateway.transfer.LambdaLimits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pipeline}: runs one Transfer-like pipeline until the JVM is stopped. Every option has an
 * environment variable and a default (see {@code io.lambdagateway.settings.Settings}); the Kafka
 * connection options are the ones every command shares ({@link KafkaCliOptions}). With {@code
 * --status-port} it also serves {@code GET /metrics} (Prometheus) and {@code GET /health} (200, or
 * 503 while a batch is stalled).
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Kafka -> Lambda -> Kafka, as DoubleCloud Transfer does it.")
public final class PipelineCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

  @Spec CommandSpec spec;

  @Mixin KafkaCliOptions kafka;

  @Option(
      names = "--source-topic",
      defaultValue = "${env:SOURCE_TOPIC:-source-topic}",
      description = "Topic read.")
  String sourceTopic;

  @Option(
      names = "--target-topic",
      defaultValue = "${env:TARGET_TOPIC:-target-topic}",
      description = "Topic written with the function's rows.")
  String targetTopic;

  @Option(
      names = "--dlq-topic",
      defaultValue = "${env:PIPELINE_DLQ_TOPIC}",
      description = "Dead-letter topic; none = <source-topic>.dlq.")
  String dlqTopic;

  @Option(
      names = "--group-id",
      defaultValue = "${env:PIPELINE_GROUP_ID:-transfer-pipeline}",
      description = "Consumer group.")
  String groupId;

  @Option(
      names = "--auto-offset-reset",
      defaultValue = "${env:PIPELINE_AUTO_OFFSET_RESET:-earliest}",
      description = "Where a group without offsets starts: earliest or latest.")
  String autoOffsetReset;

  @Option(
      names = "--target",
      defaultValue = "${env:PIPELINE_TARGET:-function-url}",
      converter = TargetConverter.class,
      description = "How the function is reached: function-url, invoke-api or aws.")
  PipelineTarget target;

  @Option(
      names = "--function-url",
      defaultValue = "${env:PIPELINE_FUNCTION_URL:-http://127.0.0.1:8080}",
      description = "Function URL base or Invoke API endpoint.")
  String functionUrl;

  @Option(
      names = "--function-name",
      defaultValue = "${env:PIPELINE_FUNCTION_NAME:-enricher}",
      description = "Function name (path segment, Invoke API name or AWS name/ARN).")
  String functionName;

  @Option(
      names = "--token",
      defaultValue = "${env:PIPELINE_TOKEN:-}",
      description = "Bearer token of the function-url target.")
  String token;

  @Option(
      names = "--headers",
      defaultValue = "${env:PIPELINE_HEADERS:-}",
      description = "Extra request headers Name=Value,Name=Value, sent last (may override).")
  String headers;

  @Option(
      names = "--aws-region",
      defaultValue = "${env:PIPELINE_AWS_REGION}",
      description = "Region of the aws target; none = the SDK's region chain.")
  String awsRegion;

  @Option(
      names = "--aws-endpoint",
      defaultValue = "${env:PIPELINE_AWS_ENDPOINT}",
      description = "Endpoint override of the aws target.")
  String awsEndpoint;

  @Option(
      names = "--buffer-size",
      defaultValue = "${env:PIPELINE_BUFFER_SIZE:-1MB}",
      converter = SizeConverter.class,
      description = "Batch request size, at most 6MB (Lambda's synchronous request limit).")
  long bufferSize;

  @Option(
      names = "--flush-interval",
      defaultValue = "${env:PIPELINE_FLUSH_INTERVAL:-1s}",
      description = "Longest wait of a record before its batch is sent: 0 (per poll) to 900s.")
  Duration flushInterval;

  @Option(
      names = "--invocation-timeout",
      defaultValue = "${env:PIPELINE_INVOCATION_TIMEOUT:-30s}",
      description = "Per-call timeout, above 0.")
  Duration invocationTimeout;

  @Option(
      names = "--retries",
      defaultValue = "${env:PIPELINE_RETRIES:-3}",
      description = "Retries of a failed call before the batch counts as stalled.")
  int retries;

  @Option(
      names = "--status-port",
      defaultValue = "${env:PIPELINE_STATUS_PORT:--1}",
      description = "Serve /metrics and /health on this port; -1 = off, 0 = any free port.")
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
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  vertx.close().await();
                  stopped.countDown();
                },
                "pipeline-stop"));
    stopped.await();
    return 0;
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
    Settings.inRange(spec, "--buffer-size", bufferSize, 1, LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    if (flushInterval.compareTo(PipelineConfig.MAX_FLUSH_INTERVAL) > 0) {
      throw Settings.invalid(spec, "--flush-interval", flushInterval, "at most 900s");
    }
    if (invocationTimeout.isZero()) {
      throw Settings.invalid(spec, "--invocation-timeout", invocationTimeout, "above 0");
    }
    Settings.inRange(spec, "--retries", retries, 0, Integer.MAX_VALUE);
    Settings.inRange(spec, "--status-port", statusPort, -1, 65535);
    if (!autoOffsetReset.equals("earliest") && !autoOffsetReset.equals("latest")) {
      throw Settings.invalid(spec, "--auto-offset-reset", autoOffsetReset, "earliest or latest");
    }
  }

  private PipelineConfig buildConfig() {
    PipelineConfigBuilder builder =
        PipelineConfig.builder(kafka.toSettings())
            .sourceTopic(sourceTopic)
            .targetTopic(targetTopic)
            .dlqTopic(dlqTopic)
            .groupId(groupId)
            .autoOffsetReset(autoOffsetReset)
            .target(target)
            .functionUrl(functionUrl)
            .functionName(functionName)
            .token(token)
            .awsRegion(blankToNull(awsRegion))
            .awsEndpoint(blankToNull(awsEndpoint))
            .bufferSizeBytes((int) bufferSize)
            .flushInterval(flushInterval)
            .invocationTimeout(invocationTimeout)
            .retries(retries);
    parsedHeaders().forEach(builder::header);
    return builder.build();
  }

  private Map<String, String> parsedHeaders() {
    try {
      return ConfigValues.parseHeaders(headers);
    } catch (IllegalArgumentException notHeaders) {
      throw Settings.invalid(spec, "--headers", headers, "headers such as Name=Value,Other=Value");
    }
  }

  private static HttpServer startStatusServer(
      Vertx vertx, int port, PrometheusMeterRegistry registry, PipelineVerticle pipeline) {
    return vertx
        .createHttpServer()
        .requestHandler(StatusEndpoints.create(registry, pipeline))
        .listen(port, "0.0.0.0")
        .await();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Accepts function-url, invoke-api and aws. */
  static final class TargetConverter implements ITypeConverter<PipelineTarget> {
    @Override
    public PipelineTarget convert(String value) {
      try {
        return PipelineTarget.parse(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("function-url, invoke-api or aws");
      }
    }
  }
}
