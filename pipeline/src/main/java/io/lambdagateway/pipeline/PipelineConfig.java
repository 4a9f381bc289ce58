package io.lambdagateway.pipeline;

import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.transfer.LambdaLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one pipeline (one Transfer): source, target, function and buffering. Defaults follow
 * the public Terraform example (buffer 1 MB, flush 1 s, timeout 30 s, 3 retries). Build with {@link
 * #builder(String)} ({@link PipelineConfigBuilder} holds the defaults); the constructor validates.
 *
 * @param kafka how to reach the cluster (source, target and dead-letter topics live in it)
 * @param sourceTopic topic read
 * @param targetTopic topic written with the function's rows
 * @param dlqTopic topic receiving the original message of each failed record
 * @param groupId consumer group
 * @param autoOffsetReset where a group without offsets starts: earliest or latest
 * @param instanceName stable name of this instance: static group membership ({@code
 *     group.instance.id}) and, with {@code exactlyOnce}, the transactional id; empty = dynamic
 *     membership
 * @param sessionTimeout how long the group waits for a silent member before it reassigns its
 *     partitions ({@code session.timeout.ms}; the broker accepts 6 s..30 min by default)
 * @param exactlyOnce target writes, dead letters and source offsets in one Kafka transaction per
 *     batch (needs {@code instanceName})
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
 * @param maxBufferedBytes pause consumption when unfinished records hold this many bytes (their
 *     messages and encoded request records), resume at half
 * @param commitInterval how often done offsets are committed
 * @param stopGrace how long a stop waits for calls and writes in flight
 * @param commitOnStop false skips the final commit on stop (simulates a crash in tests)
 * @param maxConnections concurrent calls to the function
 * @param maxPollRecords Kafka {@code max.poll.records}
 * @param lagRefreshInterval how often the consumer-lag gauge is refreshed (one end-offsets request)
 * @param itemLayout the columns a message's change item carries (5, 6 or 7)
 * @param onPoison what happens to a batch that fails deterministically
 * @param onExhausted what happens to a batch whose retries of a transient failure ran out
 */
public record PipelineConfig(
    KafkaClientSettings kafka,
    String sourceTopic,
    String targetTopic,
    String dlqTopic,
    String groupId,
    String autoOffsetReset,
    Optional<String> instanceName,
    Duration sessionTimeout,
    boolean exactlyOnce,
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
    Duration lagRefreshInterval,
    ItemLayout itemLayout,
    PoisonAction onPoison,
    ExhaustedAction onExhausted) {

  /** Largest allowed flush interval (Transfer's limit). */
  public static final Duration MAX_FLUSH_INTERVAL = Duration.ofSeconds(900);

  public PipelineConfig {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(itemLayout, "item layout");
    Objects.requireNonNull(onPoison, "on-poison action");
    Objects.requireNonNull(onExhausted, "on-exhausted action");
    Objects.requireNonNull(instanceName, "instanceName");
    headers = Map.copyOf(headers);
    requireText(sourceTopic, "source topic");
    requireText(targetTopic, "target topic");
    requireText(dlqTopic, "dead-letter topic");
    requireText(groupId, "group id");
    if (!autoOffsetReset.equals("earliest") && !autoOffsetReset.equals("latest")) {
      throw new IllegalArgumentException("auto.offset.reset must be earliest or latest");
    }
    checkMembership(instanceName, sessionTimeout, exactlyOnce);
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
  public static PipelineConfigBuilder builder(String bootstrapServers) {
    return new PipelineConfigBuilder(KafkaClientSettings.plaintext(bootstrapServers));
  }

  /** A builder with every default for this cluster. */
  public static PipelineConfigBuilder builder(KafkaClientSettings kafka) {
    return new PipelineConfigBuilder(kafka);
  }

  /** The transactional id of this instance's producer (exactly-once mode). */
  public String transactionalId() {
    return groupId + "-" + instanceName.orElseThrow();
  }

  private static void checkMembership(
      Optional<String> instanceName, Duration sessionTimeout, boolean exactlyOnce) {
    instanceName.ifPresent(name -> requireText(name, "instance name"));
    if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
      throw new IllegalArgumentException("session timeout must be positive");
    }
    if (exactlyOnce && instanceName.isEmpty()) {
      // A transactional id that survives a restart is what lets the new process abort the dead
      // one's open transaction at once; a random id would leave it open (and read_committed
      // readers of the target blocked) until the transaction timeout.
      throw new IllegalArgumentException("exactly-once needs an instance name");
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
