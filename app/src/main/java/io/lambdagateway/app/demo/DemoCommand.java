package io.lambdagateway.app.demo;

import io.lambdagateway.app.logging.LogSetup;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.kafka.KafkaReachability;
import io.lambdagateway.kafka.KafkaUnreachableException;
import io.lambdagateway.kafka.testing.BrokerClasses;
import io.lambdagateway.producer.ProduceCommand;
import io.lambdagateway.producer.RowsRange;
import io.lambdagateway.settings.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: runs {@link Demo} until Ctrl-C / SIGTERM, or until a bounded run is over ({@code
 * --count}, {@code --duration}), then stops it and prints a one-line summary. Enriched records go
 * to stdout, one JSON object per line; everything else goes to stderr: where things run, the token
 * and a curl line, a status line every {@code --status-interval}. The gateway's per-call log lines
 * are shown only at {@code --log-level DEBUG} unless {@code GATEWAY_LOG_INVOCATIONS} says
 * otherwise. Exit code 0, 1 when the demo cannot start (an external {@code --bootstrap-servers}
 * that does not answer within {@code --kafka-timeout} is one line), 2 for bad options (one line,
 * see {@link Settings}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Everything in one process: Kafka (embedded unless --bootstrap-servers),"
          + " the gateway, the demo producer, the pipeline calling the gateway's function URL"
          + " and a consumer printing the enriched records (stdout, one JSON per line)."
    })
public final class DemoCommand implements Callable<Integer> {

  /** The gateway's variable for the level of its per-call lines; the demo's default is DEBUG. */
  private static final String INVOCATION_LINES = "GATEWAY_LOG_INVOCATIONS";

  /** Longest wait for the demo to stop; a clean stop takes a few seconds. */
  private static final long STOP_TIMEOUT_SECONDS = 60;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:DEMO_BOOTSTRAP_SERVERS}",
      description = "Use this Kafka (PLAINTEXT) instead of starting an embedded broker.")
  private String bootstrapServers;

  @Option(
      names = "--kafka-timeout",
      paramLabel = "DURATION",
      defaultValue = "${env:KAFKA_TIMEOUT:-15s}",
      description = "With --bootstrap-servers: give up with one line when Kafka does not answer.")
  private Duration kafkaTimeout;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "${env:DEMO_KAFKA_PORT:-" + DemoConfig.DEFAULT_KAFKA_PORT + "}",
      description = "Port of the embedded broker; a free one when taken.")
  private int kafkaPort;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "${env:DEMO_HOST:-" + DemoConfig.DEFAULT_HOST + "}",
      description = "Interface the gateway binds.")
  private String host;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "${env:DEMO_PORT:-" + DemoConfig.DEFAULT_PORT + "}",
      description = "Gateway port; a free one when taken.")
  private int port;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:DEMO_TOKEN:-" + DemoConfig.DEFAULT_TOKEN + "}",
      description = "Bearer token of the gateway's function URLs, sent by the pipeline.")
  private String token;

  @Option(
      names = {"-r", "--rate"},
      paramLabel = "MSG/S",
      defaultValue = "${env:DEMO_RATE:-" + DemoConfig.DEFAULT_RATE + "}",
      description = "Messages produced per second; 0 = as fast as possible.")
  private double rate;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      defaultValue = "${env:DEMO_COUNT:-0}",
      description =
          "Messages to produce; the demo ends once all their rows were printed."
              + " 0 = unbounded.")
  private long count;

  @Option(
      names = "--rows",
      paramLabel = "MIN..MAX",
      defaultValue = "${env:DEMO_ROWS:-" + DemoConfig.DEFAULT_ROWS_TEXT + "}",
      converter = ProduceCommand.RowsConverter.class,
      description = "Rows per message; the public example uses 1..100.")
  private RowsRange rows;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "${env:DEMO_SEED:-" + DemoConfig.DEFAULT_SEED + "}",
      description = "Seed of the produced messages.")
  private long seed;

  @Option(
      names = {"-d", "--duration"},
      paramLabel = "DURATION",
      defaultValue = "${env:DEMO_DURATION}",
      description = "Stop by itself after this long (a bare number is seconds).")
  private Duration duration;

  @Option(
      names = "--source-topic",
      paramLabel = "TOPIC",
      defaultValue = "${env:SOURCE_TOPIC:-" + DemoConfig.DEFAULT_SOURCE_TOPIC + "}",
      description = "Source topic.")
  private String sourceTopic;

  @Option(
      names = "--target-topic",
      paramLabel = "TOPIC",
      defaultValue = "${env:TARGET_TOPIC:-" + DemoConfig.DEFAULT_TARGET_TOPIC + "}",
      description = "Target topic.")
  private String targetTopic;

  @Option(
      names = "--status-interval",
      paramLabel = "DURATION",
      defaultValue = "${env:DEMO_STATUS_INTERVAL:-" + DemoConfig.DEFAULT_STATUS_INTERVAL_TEXT + "}",
      description = "Time between status lines (produced, enriched, lag, rows/s).")
  private Duration statusInterval;

  @Override
  public Integer call() throws Exception {
    DemoConfig config = config();
    Map<String, String> env = Settings.environment(spec);
    if (!env.containsKey(INVOCATION_LINES)) {
      // one line per call would bury the records and the status lines
      LogSetup.invocationLinesAtDebug();
    }
    if (config.bootstrapServers().isPresent()) {
      try {
        KafkaReachability.check(
            KafkaClientSettings.plaintext(config.bootstrapServers().get()), kafkaTimeout);
      } catch (KafkaUnreachableException away) {
        spec.commandLine().getErr().println(away.getMessage());
        return 1;
      }
    }
    return run(config);
  }

  private int run(DemoConfig config) throws InterruptedException {
    Demo demo;
    try {
      demo = Demo.start(config).await();
    } catch (Exception failed) {
      spec.commandLine().getErr().println("demo could not start: " + failed);
      return 1;
    }
    Thread stopOnSignal = new Thread(() -> awaitStop(demo), "demo-stop");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      demo.finished().await();
    } catch (Exception unexpected) {
      // finished() never fails; a stop from the shutdown hook completes it
    }
    awaitStop(demo);
    return 0;
  }

  private static void awaitStop(Demo demo) {
    try {
      demo.stop().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception slow) {
      System.err.println("demo: stop did not complete cleanly: " + slow);
    }
  }

  /** The gateway's variables are not demo options; a bad one is still a usage error. */
  private void checkGatewaySettings() {
    try {
      GatewayConfig.fromSettings(Settings.environment(spec));
    } catch (GatewayConfig.InvalidSetting invalid) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid value for env "
              + invalid.setting().envName()
              + ": '"
              + invalid.value()
              + "': "
              + invalid.accepted());
    }
  }

  private DemoConfig config() {
    Settings.inRange(spec, "--kafka-port", kafkaPort, 0, 65535);
    Settings.inRange(spec, "--port", port, 0, 65535);
    if (statusInterval.isZero()) {
      throw Settings.invalid(spec, "--status-interval", statusInterval, "above 0");
    }
    if (kafkaTimeout.isZero()) {
      throw Settings.invalid(spec, "--kafka-timeout", kafkaTimeout, "above 0");
    }
    if (duration != null && duration.isZero()) {
      throw Settings.invalid(spec, "--duration", duration, "above 0");
    }
    if (bootstrapServers == null && !BrokerClasses.present()) {
      throw new ParameterException(spec.commandLine(), BrokerClasses.MISSING);
    }
    checkGatewaySettings();
    try {
      return DemoConfig.builder()
          .bootstrapServers(bootstrapServers)
          .kafkaPort(kafkaPort)
          .gatewaySettings(Settings.environment(spec))
          .host(host)
          .port(port)
          .token(token)
          .rate(rate)
          .count(count)
          .rows(rows)
          .seed(seed)
          .duration(duration)
          .sourceTopic(sourceTopic)
          .targetTopic(targetTopic)
          .statusInterval(statusInterval)
          .build();
    } catch (IllegalArgumentException invalid) {
      throw new ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
    }
  }
}
