package io.lambdagateway.producer;

import io.lambdagateway.kafka.KafkaClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link ProducerVerticle} needs. Build it with {@link #builder(KafkaClientSettings,
 * String)}; each default is a {@code DEFAULT_*} constant.
 *
 * @param kafka where the cluster is and how to authenticate
 * @param topic the topic to write to; created when missing
 * @param partitions partitions of the topic when this producer creates it
 * @param replicationFactor replication factor of a topic this producer creates; -1 = broker default
 * @param messageCount messages to send; 0 = unbounded (generated) or every line (line mode)
 * @param rate messages per second; 0 = as fast as the bounds allow
 * @param rows rows per generated message
 * @param seed seed of the generated messages
 * @param lines when present, send these lines instead of generated messages
 * @param maxInFlight sends awaiting the broker's acknowledgement, at most
 * @param progressInterval how often a progress line is printed
 * @param out where progress and the summary are printed
 * @param producerOverrides extra kafka-clients producer properties, applied last
 */
public record ProducerConfig(
    KafkaClientSettings kafka,
    String topic,
    int partitions,
    short replicationFactor,
    long messageCount,
    double rate,
    RowsRange rows,
    long seed,
    Optional<LineInput> lines,
    int maxInFlight,
    Duration progressInterval,
    PrintStream out,
    Map<String, String> producerOverrides) {

  public static final int DEFAULT_PARTITIONS = 3;
  public static final short DEFAULT_REPLICATION_FACTOR = -1;
  public static final long DEFAULT_MESSAGE_COUNT = 0;
  public static final double DEFAULT_RATE = 0;
  public static final long DEFAULT_SEED = 42;

  /** Enough to keep the broker busy while bounding memory to a few MB of 1–100-row messages. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 128;

  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(2);

  public ProducerConfig {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(progressInterval, "progressInterval");
    Objects.requireNonNull(out, "out");
    producerOverrides = Map.copyOf(producerOverrides);
    require(!topic.isBlank(), "topic must not be blank");
    require(partitions >= 1, "partitions must be >= 1");
    require(
        replicationFactor == -1 || replicationFactor >= 1, "replication factor must be -1 or >= 1");
    require(messageCount >= 0, "message count must be >= 0");
    require(rate >= 0 && Double.isFinite(rate), "rate must be a finite number >= 0");
    require(maxInFlight >= 1, "max in flight must be >= 1");
    require(
        !progressInterval.isNegative() && !progressInterval.isZero(),
        "progress interval must be > 0");
  }

  /** A builder holding every default, for {@code topic} on {@code kafka}. */
  public static Builder builder(KafkaClientSettings kafka, String topic) {
    return new Builder(kafka, topic);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Fluent builder of {@link ProducerConfig}; setters mirror the record components. */
  public static final class Builder {
    private final KafkaClientSettings kafka;
    private final String topic;
    private int partitions = DEFAULT_PARTITIONS;
    private short replicationFactor = DEFAULT_REPLICATION_FACTOR;
    private long messageCount = DEFAULT_MESSAGE_COUNT;
    private double rate = DEFAULT_RATE;
    private RowsRange rows = RowsRange.DEMO;
    private long seed = DEFAULT_SEED;
    private LineInput lines;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
    private PrintStream out = System.out;
    private Map<String, String> producerOverrides = Map.of();

    private Builder(KafkaClientSettings kafka, String topic) {
      this.kafka = kafka;
      this.topic = topic;
    }

    public Builder partitions(int value) {
      partitions = value;
      return this;
    }

    public Builder replicationFactor(short value) {
      replicationFactor = value;
      return this;
    }

    public Builder messageCount(long value) {
      messageCount = value;
      return this;
    }

    public Builder rate(double messagesPerSecond) {
      rate = messagesPerSecond;
      return this;
    }

    public Builder rows(RowsRange value) {
      rows = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Send lines from {@code input} instead of generated messages; null switches back. */
    public Builder lines(LineInput input) {
      lines = input;
      return this;
    }

    public Builder maxInFlight(int value) {
      maxInFlight = value;
      return this;
    }

    public Builder progressInterval(Duration value) {
      progressInterval = value;
      return this;
    }

    public Builder out(PrintStream value) {
      out = value;
      return this;
    }

    public Builder producerOverrides(Map<String, String> value) {
      producerOverrides = value;
      return this;
    }

    public ProducerConfig build() {
      return new ProducerConfig(
          kafka,
          topic,
          partitions,
          replicationFactor,
          messageCount,
          rate,
          rows,
          seed,
          Optional.ofNullable(lines),
          maxInFlight,
          progressInterval,
          out,
          producerOverrides);
    }
  }
}
