package io.lambdagateway.producer;

import io.lambdagateway.kafka.KafkaCliOptions;
import io.lambdagateway.kafka.VerticleRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code produce}: writes the public example's demo messages (or lines of a file or stdin) to a
 * topic through {@link ProducerVerticle}. Exit code 0 when every message was acknowledged, 1 when
 * some failed, 2 for bad options. An unbounded run stops on Ctrl+C and still prints its summary.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
  description = {"Write demo messages (1..100 query-string rows each) or input lines to a Kafka topic.",
    "Idempotent producer, acks=all; progress every few seconds and a summary at the end."})
public final class ProduceCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private KafkaCliOptions kafka;

  @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", defaultValue = "${env:SOURCE_TOPIC:-source-topic}",
    description = "Topic to write (env SOURCE_TOPIC; default: ${DEFAULT-VALUE}).")
  private String topic;

  @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "0",
    description = "Messages to send; 0 = unbounded, or every line with --input (default: ${DEFAULT-VALUE}).")
  private long count;

  @Option(names = {"-r", "--rate"}, paramLabel = "MSG/S", defaultValue = "0",
    description = "Messages per second; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  private double rate;

  @Option(names = "--rows", paramLabel = "MIN..MAX", defaultValue = "1..100",
    description = "Rows per generated message (default: ${DEFAULT-VALUE}).")
  private String rows;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
    description = "Seed of the generated messages (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE|-",
    description = "Send one message per non-blank line of FILE, or of stdin for '-'.")
  private String input;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
    description = "Partitions when the topic must be created (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "-1",
    description = "Replication factor when the topic must be created; -1 = broker default (default: ${DEFAULT-VALUE}).")
  private short replicationFactor;

  @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "128",
    description = "Unacknowledged sends at most (back-pressure bound; default: ${DEFAULT-VALUE}).")
  private int maxInFlight;

  @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "2",
    description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
  private long progressSeconds;

  private final PrintStream out;

  /** A command printing to stdout. */
  public ProduceCommand() {
    this(System.out);
  }

  /** A command printing progress and the summary to {@code out}. */
  public ProduceCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    ProducerVerticle verticle = new ProducerVerticle(config());
    ProducerReport report = VerticleRunner.runToCompletion(verticle, verticle::completion);
    return report.failed() == 0 ? 0 : 1;
  }

  private ProducerConfig config() {
    try {
      return buildConfig();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private ProducerConfig buildConfig() {
    ProducerConfig.Builder builder = ProducerConfig.builder(kafka.toSettings(), topic)
      .messageCount(count)
      .rate(rate)
      .rows(RowsRange.parse(rows))
      .seed(seed)
      .partitions(partitions)
      .replicationFactor(replicationFactor)
      .maxInFlight(maxInFlight)
      .progressInterval(Duration.ofSeconds(progressSeconds))
      .out(out);
    if (input != null) {
      builder.lines("-".equals(input) ? LineInput.stdin() : LineInput.file(Path.of(input)));
    }
    return builder.build();
  }
}
