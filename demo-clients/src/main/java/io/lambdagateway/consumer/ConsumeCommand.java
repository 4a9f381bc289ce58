package io.lambdagateway.consumer;

import io.lambdagateway.kafka.KafkaCliOptions;
import io.lambdagateway.kafka.VerticleRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * {@code consume}: prints the target topic's records as JSON lines (or only counts) through {@link
 * TargetConsumerVerticle}. Runs until {@code --max-records} records arrived or Ctrl+C; exit code 0,
 * 1 when Kafka did not answer within {@code --kafka-timeout} (one line, {@code cannot reach Kafka
 * at ...}), or 2 for bad options (one line, see {@code io.lambdagateway.settings.Settings}).
 */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print each record value of a Kafka topic as one JSON line (stdout), or only counts.",
      "Offsets of printed records are committed for the group."
    })
public final class ConsumeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private KafkaCliOptions kafka;

  @Option(
      names = {"-t", "--topic"},
      paramLabel = "TOPIC",
      defaultValue = "${env:TARGET_TOPIC:-target-topic}",
      description = "Topic to read.")
  private String topic;

  @Option(
      names = {"-g", "--group"},
      paramLabel = "GROUP",
      defaultValue = "${env:KAFKA_GROUP_ID:-target-consumer}",
      description = "Consumer group id.")
  private String group;

  @Option(
      names = {"-p", "--partitions"},
      split = ",",
      paramLabel = "N",
      defaultValue = "${env:CONSUME_PARTITIONS}",
      description = "Read only these partitions (comma-separated); none = all.")
  private List<Integer> partitions = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "latest|earliest",
      defaultValue = "${env:CONSUME_FROM:-latest}",
      converter = StartFromConverter.class,
      description = "Where to start without a committed offset.")
  private StartFrom from;

  @Option(
      names = "--summary-only",
      defaultValue = "${env:CONSUME_SUMMARY_ONLY:-false}",
      description = "Print only the record count, every --summary-seconds and at the end.")
  private boolean summaryOnly;

  @Option(
      names = {"-n", "--max-records"},
      paramLabel = "N",
      defaultValue = "${env:CONSUME_MAX_RECORDS:-0}",
      description = "Stop after this many records; 0 = run until stopped.")
  private long maxRecords;

  @Option(
      names = "--summary-seconds",
      paramLabel = "DURATION",
      defaultValue = "${env:CONSUME_SUMMARY_INTERVAL:-5s}",
      description = "Time between counts and offset commits.")
  private Duration summaryInterval;

  private final PrintStream out;
  private final PrintStream status;

  /** A command printing records to stdout and its final summary to stderr. */
  public ConsumeCommand() {
    this(System.out, System.err);
  }

  /** A command printing records to {@code out} and its final summary to {@code status}. */
  public ConsumeCommand(PrintStream out, PrintStream status) {
    this.out = out;
    this.status = status;
  }

  @Override
  public Integer call() throws Exception {
    TargetConsumerConfig config = config();
    return kafka.whenReachable(
        () -> {
          TargetConsumerVerticle verticle = new TargetConsumerVerticle(config);
          VerticleRunner.runToCompletion(verticle, verticle::completion);
          return 0;
        });
  }

  private TargetConsumerConfig config() {
    try {
      return TargetConsumerConfig.builder(kafka.toSettings(), topic, group)
          .partitions(partitions)
          .from(from)
          .summaryOnly(summaryOnly)
          .maxRecords(maxRecords)
          .summaryInterval(summaryInterval)
          .out(out)
          .status(status)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Accepts the enum in any case, as the public example writes {@code from: latest}. */
  static final class StartFromConverter implements ITypeConverter<StartFrom> {
    @Override
    public StartFrom convert(String value) {
      try {
        return StartFrom.parse(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("latest or earliest");
      }
    }
  }
}
