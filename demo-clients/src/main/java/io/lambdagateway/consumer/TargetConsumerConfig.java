package io.lambdagateway.consumer;

import io.lambdagateway.kafka.KafkaClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link TargetConsumerVerticle} needs. Build it with {@link
 * #builder(KafkaClientSettings, String, String)}; each default is a {@code DEFAULT_*} constant.
 *
 * @param kafka where the cluster is and how to authenticate
 * @param topic the topic to read
 * @param groupId consumer group; its committed offsets say where a restart continues
 * @param partitions partitions to read; empty = all, through group subscription
 * @param from where to start without a committed offset
 * @param summaryOnly print only record counts (periodic and final), not the records
 * @param maxRecords stop after this many records; 0 = run until undeployed
 * @param summaryInterval how often counts are printed and offsets committed
 * @param out where records (or, with summaryOnly, the counts) are printed
 * @param status where the final summary goes when records are printed to out
 */
public record TargetConsumerConfig(
    KafkaClientSettings kafka,
    String topic,
    String groupId,
    List<Integer> partitions,
    StartFrom from,
    boolean summaryOnly,
    long maxRecords,
    Duration summaryInterval,
    PrintStream out,
    PrintStream status) {

  public static final StartFrom DEFAULT_FROM = StartFrom.LATEST;
  public static final Duration DEFAULT_SUMMARY_INTERVAL = Duration.ofSeconds(5);

  public TargetConsumerConfig {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(summaryInterval, "summaryInterval");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(status, "status");
    partitions = List.copyOf(partitions);
    if (topic.isBlank() || groupId.isBlank()) {
      throw new IllegalArgumentException("topic and group id must not be blank");
    }
    if (partitions.stream().anyMatch(p -> p < 0)) {
      throw new IllegalArgumentException("partitions must be >= 0: " + partitions);
    }
    if (maxRecords < 0) {
      throw new IllegalArgumentException("max records must be >= 0");
    }
    if (summaryInterval.isNegative() || summaryInterval.isZero()) {
      throw new IllegalArgumentException("summary interval must be > 0");
    }
  }

  /** A builder holding every default: all partitions, from latest, records to stdout. */
  public static Builder builder(KafkaClientSettings kafka, String topic, String groupId) {
    return new Builder(kafka, topic, groupId);
  }

  /** Fluent builder of {@link TargetConsumerConfig}; setters mirror the record components. */
  public static final class Builder {
    private final KafkaClientSettings kafka;
    private final String topic;
    private final String groupId;
    private List<Integer> partitions = List.of();
    private StartFrom from = DEFAULT_FROM;
    private boolean summaryOnly;
    private long maxRecords;
    private Duration summaryInterval = DEFAULT_SUMMARY_INTERVAL;
    private PrintStream out = System.out;
    private PrintStream status = System.err;

    private Builder(KafkaClientSettings kafka, String topic, String groupId) {
      this.kafka = kafka;
      this.topic = topic;
      this.groupId = groupId;
    }

    public Builder partitions(List<Integer> value) {
      partitions = value;
      return this;
    }

    public Builder from(StartFrom value) {
      from = value;
      return this;
    }

    public Builder summaryOnly(boolean value) {
      summaryOnly = value;
      return this;
    }

    public Builder maxRecords(long value) {
      maxRecords = value;
      return this;
    }

    public Builder summaryInterval(Duration value) {
      summaryInterval = value;
      return this;
    }

    public Builder out(PrintStream value) {
      out = value;
      return this;
    }

    public Builder status(PrintStream value) {
      status = value;
      return this;
    }

    public TargetConsumerConfig build() {
      return new TargetConsumerConfig(
          kafka,
          topic,
          groupId,
          partitions,
          from,
          summaryOnly,
          maxRecords,
          summaryInterval,
          out,
          status);
    }
  }
}
