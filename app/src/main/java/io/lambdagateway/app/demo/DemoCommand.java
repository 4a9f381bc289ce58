package io.lambdagateway.app.demo;

import io.lambdagateway.producer.RowsRange;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: runs {@link Demo} until Ctrl-C / SIGTERM, or until a bounded run is over
 * ({@code --count}, {@code --duration}), then stops it and prints a one-line summary. Enriched
 * records go to stdout, one JSON object per line; everything else goes to stderr. Exit code 0,
 * 1 when the demo cannot start, 2 for bad options.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Everything in one process: Kafka (embedded unless --bootstrap-servers),"
        + " the gateway, the demo producer, the pipeline calling the gateway's function URL"
        + " and a consumer printing the enriched records (stdout, one JSON per line)."})
public final class DemoCommand implements Callable<Integer> {

  /** Longest wait for the demo to stop; a clean stop takes a few seconds. */
  private static final long STOP_TIMEOUT_SECONDS = 60;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
      description = "Use this Kafka (PLAINTEXT) instead of starting an embedded broker.")
  private String bootstrapServers;

  @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
      description = "Port of the embedded broker; a free one when taken (default: ${DEFAULT-VALUE}).")
  private int kafkaPort;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = DemoConfig.DEFAULT_HOST,
      description = "Interface the gateway binds (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080",
      description = "Gateway port; a free one when taken (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = DemoConfig.DEFAULT_TOKEN,
      description = "Bearer token of the gateway's function URLs, sent by the pipeline"
          + " (default: ${DEFAULT-VALUE}).")
  private String token;

  @Option(names = {"-r", "--rate"}, paramLabel = "MSG/S", defaultValue = "2",
      description = "Messages produced per second; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  private double rate;

  @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "0",
      description = "Messages to produce; the demo ends once all their rows were printed."
          + " 0 = unbounded (default: ${DEFAULT-VALUE}).")
  private long count;

  @Option(names = "--rows", paramLabel = "MIN..MAX", defaultValue = "1..5",
      converter = RowsConverter.class,
      description = "Rows per message (default: ${DEFAULT-VALUE}; the public example uses 1..100).")
  private RowsRange rows;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the produced messages (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS",
      description = "Stop by itself after this many seconds.")
  private Double durationSeconds;

  @Option(names = "--source-topic", paramLabel = "TOPIC", defaultValue = DemoConfig.DEFAULT_SOURCE_TOPIC,
      description = "Source topic (default: ${DEFAULT-VALUE}).")
  private String sourceTopic;

  @Option(names = "--target-topic", paramLabel = "TOPIC", defaultValue = DemoConfig.DEFAULT_TARGET_TOPIC,
      description = "Target topic (default: ${DEFAULT-VALUE}).")
  private String targetTopic;

  @Override
  public Integer call() throws InterruptedException {
    DemoConfig config = config();
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

  private DemoConfig config() {
    try {
      return DemoConfig.builder()
          .bootstrapServers(bootstrapServers)
          .kafkaPort(kafkaPort)
          .gatewaySettings(System.getenv())
          .host(host)
          .port(port)
          .token(token)
          .rate(rate)
          .count(count)
          .rows(rows)
          .seed(seed)
          .duration(durationSeconds == null ? null
              : Duration.ofMillis(Math.round(durationSeconds * 1000)))
          .sourceTopic(sourceTopic)
          .targetTopic(targetTopic)
          .build();
    } catch (IllegalArgumentException invalid) {
      throw new ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
    }
  }

  /** Parses {@code MIN..MAX} or {@code N}. */
  static final class RowsConverter implements ITypeConverter<RowsRange> {
    @Override
    public RowsRange convert(String value) {
      return RowsRange.parse(value);
    }
  }
}
