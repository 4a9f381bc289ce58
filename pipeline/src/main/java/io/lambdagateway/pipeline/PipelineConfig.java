package io.lambdagateway.pipeline;

import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.transfer.LambdaLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one pipeline (one Transfer): source, target, function and buffering. Defaults follow
 * the public Terraform example (buffer 1 MB, flush 1 s, timeout 30 s, 3 retries). Build with {@link
 * #builder(String)}.
 *
 * @param kafka how to reach the cluster (source, target and dead-letter topics live in it)
 * @param sourceTopic topic read
 * @param targetTopic topic written with the function's rows
 * @param dlqTopic topic receiving the original message of each failed record
 * @param groupId consumer group
 * @param autoOffsetReset where a group without offsets starts: earliest or latest
 * @param target how the function is reached
 * @param functionUrl base URL: of a function URL, of an Invoke API endpoint, or for {@code aws}
 *     unused (see {@code awsEndpoint})
 * @param functionName function name (path segment, Invoke API name or AWS function name/ARN)
 * @param token bearer token for the function URL target (may be empty)
 * @param headers extra request headers, applied last
 * @param awsRegion region for {@code aws}; empty = the SDK's default chain
 * @param awsEndpoint endpoint override for {@code aws} (tests, emulators)
 * @param bufferSizeBytes close a batch before its request exceeds this (at most 6 MB)
 * @param flushInterval longest wait of a record before its batch is sent; 0 = per poll; ≤ 900 s
 * @param invocationTimeout per-call timeout
 * @param retries retries of a failed call before the batch counts as stalled
 * @param retryBackoff back-off between those retries
 * @param stallBackoff back-off between attempts of a stalled batch (capped, endless)
 * @param maxBufferedRecords pause consumption at this many unfinished records, resume at half
 * @param maxBufferedBytes pause consumption at this many unfinished source bytes, resume at half
 * @param commitInterval how often done offsets are committed
 * @param stopGrace how long a stop waits for calls and writes in flight
 * @param commitOnStop false skips the final commit on stop (simulates a crash in tests)
 * @param maxConnections concurrent calls to the function
 * @param maxPollRecords Kafka {@code max.poll.records}
 * @param lagRefreshInterval how often the consumer-lag gauge is refreshed (one end-offsets request)
 */
public record PipelineConfig(
    KafkaClientSettings kafka,
    String sourceTopic,
    String targetTopic,
    String dlqTopic,
    String groupId,
    String autoOffsetReset,
    PipelineTarget target,
    String functionUrl,
    String functionName,
    String token,
    Map<String, String> headers,
    Optional<String> awsRegion,
    Optional<String> awsEndpoint,
    int bufferSizeBytes,
    Duration flushInterval,
    Duration invocationTimeout,
    int retries,
    Backoff retryBackoff,
    Backoff stallBackoff,
    int maxBufferedRecords,
    long maxBufferedBytes,
    Duration commitInterval,
    Duration stopGrace,
    boolean commitOnStop,
    int maxConnections,
    int maxPollRecords,
    Duration lagRefreshInterval) {

  /** Largest allowed flush interval (Transfer's limit). */
  public static final Duration MAX_FLUSH_INTERVAL = Duration.ofSeconds(900);

  public PipelineConfig {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(target, "target");
    headers = Map.copyOf(headers);
    requireText(sourceTopic, "source topic");
    requireText(targetTopic, "target topic");
    requireText(dlqTopic, "dead-letter topic");
    requireText(groupId, "group id");
    if (!autoOffsetReset.equals("earliest") && !autoOffsetReset.equals("latest")) {
      throw new IllegalArgumentException("auto.offset.reset must be earliest or latest");
    }
    if (bufferSizeBytes <= 0 || bufferSizeBytes > LambdaLimits.MAX_SYNC_REQUEST_BYTES) {
      throw new IllegalArgumentException(
          "buffer size must be in 1 B..6 MB, was " + bufferSizeBytes);
    }
    if (flushInterval.isNegative() || flushInterval.compareTo(MAX_FLUSH_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "flush interval must be in 0..900 s, was " + flushInterval);
    }
    if (invocationTimeout.isNegative() || invocationTimeout.isZero()) {
      throw new IllegalArgumentException("invocation timeout must be positive");
    }
    if (lagRefreshInterval.isNegative() || lagRefreshInterval.isZero()) {
      throw new IllegalArgumentException("lag refresh interval must be positive");
    }
    if (retries < 0
        || maxBufferedRecords <= 0
        || maxBufferedBytes <= 0
        || maxConnections <= 0
        || maxPollRecords <= 0) {
      throw new IllegalArgumentException("retries must be >= 0 and the limits positive");
    }
  }

  /** A builder with every default, for the cluster at {@code bootstrapServers} (PLAINTEXT). */
  public static Builder builder(String bootstrapServers) {
    return new Builder(KafkaClientSettings.plaintext(bootstrapServers));
  }

  /** A builder with every default for this cluster. */
  public static Builder builder(KafkaClientSettings kafka) {
    return new Builder(kafka);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  /** Mutable builder; unset values keep their documented defaults. */
  public static final class Builder {
    private KafkaClientSettings kafka;
    private String sourceTopic = "source-topic";
    private String targetTopic = "target-topic";
    private String dlqTopic;
    private String groupId = "transfer-pipeline";
    private String autoOffsetReset = "earliest";
    private PipelineTarget target = PipelineTarget.FUNCTION_URL;
    private String functionUrl = "http://127.0.0.1:8080";
    private String functionName = "enricher";
    private String token = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String awsRegion;
    private String awsEndpoint;
    private int bufferSizeBytes = 1024 * 1024;
    private Duration flushInterval = Duration.ofSeconds(1);
    private Duration invocationTimeout = Duration.ofSeconds(30);
    private int retries = 3;
    private Backoff retryBackoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    private Backoff stallBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private int maxBufferedRecords = 20_000;
    private long maxBufferedBytes = 64L * 1024 * 1024;
    private Duration commitInterval = Duration.ofMillis(500);
    private Duration stopGrace = Duration.ofSeconds(10);
    private boolean commitOnStop = true;
    private int maxConnections = 8;
    private int maxPollRecords = 500;
    private Duration lagRefreshInterval = Duration.ofSeconds(5);

    private Builder(KafkaClientSettings kafka) {
      this.kafka = kafka;
    }

    public Builder kafka(KafkaClientSettings value) {
      kafka = value;
      return this;
    }

    public Builder sourceTopic(String value) {
      sourceTopic = value;
      return this;
    }

    public Builder targetTopic(String value) {
      targetTopic = value;
      return this;
    }

    /** Default: {@code <source topic>.dlq}. */
    public Builder dlqTopic(String value) {
      dlqTopic = value;
      return this;
    }

    public Builder groupId(String value) {
      groupId = value;
      return this;
    }

    public Builder autoOffsetReset(String value) {
      autoOffsetReset = value;
      return this;
    }

    public Builder target(PipelineTarget value) {
      target = value;
      return this;
    }

    public Builder functionUrl(String value) {
      functionUrl = value;
      return this;
    }

    public Builder functionName(String value) {
      functionName = value;
      return this;
    }

    public Builder token(String value) {
      token = value == null ? "" : value;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder awsRegion(String value) {
      awsRegion = value;
      return this;
    }

    public Builder awsEndpoint(String value) {
      awsEndpoint = value;
      return this;
    }

    public Builder bufferSizeBytes(int value) {
      bufferSizeBytes = value;
      return this;
    }

    public Builder flushInterval(Duration value) {
      flushInterval = value;
      return this;
    }

    public Builder invocationTimeout(Duration value) {
      invocationTimeout = value;
      return this;
    }

    public Builder retries(int value) {
      retries = value;
      return this;
    }

    public Builder retryBackoff(Backoff value) {
      retryBackoff = value;
      return this;
    }

    public Builder stallBackoff(Backoff value) {
      stallBackoff = value;
      return this;
    }

    public Builder maxBufferedRecords(int value) {
      maxBufferedRecords = value;
      return this;
    }

    public Builder maxBufferedBytes(long value) {
      maxBufferedBytes = value;
      return this;
    }

    public Builder commitInterval(Duration value) {
      commitInterval = value;
      return this;
    }

    public Builder stopGrace(Duration value) {
      stopGrace = value;
      return this;
    }

    public Builder commitOnStop(boolean value) {
      commitOnStop = value;
      return this;
    }

    public Builder maxConnections(int value) {
      maxConnections = value;
      return this;
    }

    public Builder maxPollRecords(int value) {
      maxPollRecords = value;
      return this;
    }

    public Builder lagRefreshInterval(Duration value) {
      lagRefreshInterval = value;
      return this;
    }

    public PipelineConfig build() {
      String dlq = dlqTopic == null || dlqTopic.isBlank() ? sourceTopic + ".dlq" : dlqTopic;
      return new PipelineConfig(
          kafka,
          sourceTopic,
          targetTopic,
          dlq,
          groupId,
          autoOffsetReset,
          target,
          functionUrl,
          functionName,
          token,
          headers,
          Optional.ofNullable(awsRegion),
          Optional.ofNullable(awsEndpoint),
          bufferSizeBytes,
          flushInterval,
          invocationTimeout,
          retries,
          retryBackoff,
          stallBackoff,
          maxBufferedRecords,
          maxBufferedBytes,
          commitInterval,
          stopGrace,
          commitOnStop,
          maxConnections,
          maxPollRecords,
          lagRefreshInterval);
    }
  }
}
