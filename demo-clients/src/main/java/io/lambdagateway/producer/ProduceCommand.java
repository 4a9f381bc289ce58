package io.lambdagateway.producer;

import io.lambdagateway.kafka.KafkaCliOptions;
import io.lambdagateway.kafka.VerticleRunner;
import io.lambdagateway.settings.Settings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code produce}: writes the public example's demo messages (or lines of a file or stdin) to a
 * topic through {@link ProducerVerticle}. Exit code 0 when every message was acknowledged, 1 when
 * some failed or Kafka did not answer within {@code --kafka-timeout} (one line, {@code cannot reach
 * Kafka at ...}), 2 for bad options, a missing {@code --input} file among them (one line, see
 * {@code io.lambdagateway.settings.Settings}). An unbounded run stops on Ctrl+C and still prints
 * its summary.
 */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write demo messages (1..100 query-string rows each) or input lines to a Kafka topic.",
      "Idempotent producer, acks=all; progress every few seconds and a summary at the end."
    })
public final class ProduceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private KafkaCliOptions kafka;

  @Option(
      names = {"-t", "--topic"},
      paramLabel = "TOPIC",
      defaultValue = "${env:SOURCE_TOPIC:-source-topic}",
      description = "Topic to write.")
  private String topic;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      defaultValue = "${env:PRODUCE_COUNT:-0}",
      description = "Messages to send; 0 = unbounded, or every line with --input.")
  private long count;

  @Option(
      names = {"-r", "--rate"},
      paramLabel = "MSG/S",
      defaultValue = "${env:PRODUCE_RATE:-0}",
      description = "Messages per second; 0 = as fast as possible.")
  private double rate;

  @Option(
      names = "--rows",
      paramLabel = "MIN..MAX",
      defaultValue = "${env:PRODUCE_ROWS:-1..100}",
      converter = RowsConverter.class,
      description = "Rows per generated message.")
  private RowsRange rows;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "${env:PRODUCE_SEED:-42}",
      description = "Seed of the generated messages.")
  private long seed;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE|-",
      defaultValue = "${env:PRODUCE_INPUT}",
      description = "Send one message per non-blank line of FILE, or of stdin for '-'.")
  private String input;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "${env:PRODUCE_PARTITIONS:-3}",
      description = "Partitions when the topic must be created.")
  private int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = "${env:PRODUCE_REPLICATION_FACTOR:--1}",
      description = "Replication factor when the topic must be created; -1 = broker default.")
  private short replicationFactor;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      defaultValue = "${env:PRODUCE_MAX_IN_FLIGHT:-128}",
      description = "Unacknowledged sends at most (back-pressure bound).")
  private int maxInFlight;

  @Option(
      names = "--progress-seconds",
      paramLabel = "DURATION",
      defaultValue = "${env:PRODUCE_PROGRESS_INTERVAL:-2s}",
      description = "Time between progress lines.")
  private Duration progressInterval;

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
    ProducerConfig config = config();
    return kafka.whenReachable(
        () -> {
          ProducerVerticle verticle = new ProducerVerticle(config);
          ProducerReport report = VerticleRunner.runToCompletion(verticle, verticle::completion);
          return report.failed() == 0 ? 0 : 1;
        });
  }

  private ProducerConfig config() {
    try {
      return buildConfig();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private ProducerConfig buildConfig() {
    ProducerConfig.Builder builder =
        ProducerConfig.builder(kafka.toSettings(), topic)
            .messageCount(count)
            .rate(rate)
            .rows(rows)
            .seed(seed)
            .partitions(partitions)
            .replicationFactor(replicationFactor)
            .maxInFlight(maxInFlight)
            .progressInterval(progressInterval)
            .out(out);
    if (input != null) {
      builder.lines("-".equals(input) ? LineInput.stdin() : LineInput.file(readable(input)));
    }
    return builder.build();
  }

  /** A missing input is a usage error, found before any connection is made. */
  private Path readable(String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw Settings.invalid(spec, "--input", file, "a readable file, or '-' for stdin");
    }
    return path;
  }

  /** Parses {@code MIN..MAX} or {@code N} ({@link RowsRange#parse}); also the demo's. */
  public static final class RowsConverter implements ITypeConverter<RowsRange> {
    @Override
    public RowsRange convert(String value) {
      try {
        return RowsRange.parse(value);
      } catch (IllegalArgumentException invalid) {
        throw new TypeConversionException("a rows range such as 1..100 or 5, with 1 <= min <= max");
      }
    }
  }
}
