package io.lambdagateway.pipeline;

import io.lambdagateway.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mutable builder of {@link PipelineConfig}; unset values keep their documented defaults. A class
 * of its own because the record's 30 settings and their defaults would otherwise double its size;
 * the record keeps the validation. Slightly over 200 lines: one trivial setter per setting, and the
 * defaults read best in one list.
 */
public final class PipelineConfigBuilder {
  private KafkaClientSettings kafka;
  private String sourceTopic = "source-topic";
  private String targetTopic = "target-topic";
  private String dlqTopic;
  private String groupId = "transfer-pipeline";
  private String autoOffsetReset = "earliest";
  private String instanceName;
  private Duration sessionTimeout = Duration.ofSeconds(10);
  private boolean exactlyOnce;
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
  private long maxBufferedBytes = defaultMaxBufferedBytes(Runtime.getRuntime().maxMemory());
  private Duration commitInterval = Duration.ofMillis(500);
  private Duration stopGrace = Duration.ofSeconds(10);
  private boolean commitOnStop = true;
  private int maxConnections = 8;
  private int maxPollRecords = 500;
  private Duration lagRefreshInterval = Duration.ofSeconds(5);
  private ItemLayout itemLayout = ItemLayout.SIX;
  private PoisonAction onPoison = PoisonAction.DLQ;
  private ExhaustedAction onExhausted = ExhaustedAction.STALL;

  PipelineConfigBuilder(KafkaClientSettings kafka) {
    this.kafka = kafka;
  }

  public PipelineConfigBuilder kafka(KafkaClientSettings value) {
    kafka = value;
    return this;
  }

  public PipelineConfigBuilder sourceTopic(String value) {
    sourceTopic = value;
    return this;
  }

  public PipelineConfigBuilder targetTopic(String value) {
    targetTopic = value;
    return this;
  }

  /** Default: {@code <source topic>.dlq}. */
  public PipelineConfigBuilder dlqTopic(String value) {
    dlqTopic = value;
    return this;
  }

  public PipelineConfigBuilder groupId(String value) {
    groupId = value;
    return this;
  }

  public PipelineConfigBuilder autoOffsetReset(String value) {
    autoOffsetReset = value;
    return this;
  }

  /** Default: none (dynamic membership). */
  public PipelineConfigBuilder instanceName(String value) {
    instanceName = value;
    return this;
  }

  /** Default: 10 s. */
  public PipelineConfigBuilder sessionTimeout(Duration value) {
    sessionTimeout = value;
    return this;
  }

  /** Default: false (at-least-once). */
  public PipelineConfigBuilder exactlyOnce(boolean value) {
    exactlyOnce = value;
    return this;
  }

  public PipelineConfigBuilder target(PipelineTarget value) {
    target = value;
    return this;
  }

  public PipelineConfigBuilder functionUrl(String value) {
    functionUrl = value;
    return this;
  }

  public PipelineConfigBuilder functionName(String value) {
    functionName = value;
    return this;
  }

  public PipelineConfigBuilder token(String value) {
    token = value == null ? "" : value;
    return this;
  }

  public PipelineConfigBuilder header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public PipelineConfigBuilder awsRegion(String value) {
    awsRegion = value;
    return this;
  }

  public PipelineConfigBuilder awsEndpoint(String value) {
    awsEndpoint = value;
    return this;
  }

  public PipelineConfigBuilder bufferSizeBytes(int value) {
    bufferSizeBytes = value;
    return this;
  }

  public PipelineConfigBuilder flushInterval(Duration value) {
    flushInterval = value;
    return this;
  }

  public PipelineConfigBuilder invocationTimeout(Duration value) {
    invocationTimeout = value;
    return this;
  }

  public PipelineConfigBuilder retries(int value) {
    retries = value;
    return this;
  }

  public PipelineConfigBuilder retryBackoff(Backoff value) {
    retryBackoff = value;
    return this;
  }

  public PipelineConfigBuilder stallBackoff(Backoff value) {
    stallBackoff = value;
    return this;
  }

  public PipelineConfigBuilder maxBufferedRecords(int value) {
    maxBufferedRecords = value;
    return this;
  }

  /**
   * A fifth of the heap, at most 64 MB: about 30 MB with the image's {@code -Xmx160m}. Unfinished
   * records are only part of what the pipeline holds (calls in flight, their answers, the
   * producer's buffer); counted against a fixed 64 MB, a backlog ran that heap out of memory, while
   * a 1 GB heap drains faster with 64 MB than with 32 (fewer pauses of the source).
   */
  static long defaultMaxBufferedBytes(long maxHeapBytes) {
    return Math.min(64L * 1024 * 1024, maxHeapBytes / 5);
  }

  public PipelineConfigBuilder maxBufferedBytes(long value) {
    maxBufferedBytes = value;
    return this;
  }

  public PipelineConfigBuilder commitInterval(Duration value) {
    commitInterval = value;
    return this;
  }

  public PipelineConfigBuilder stopGrace(Duration value) {
    stopGrace = value;
    return this;
  }

  public PipelineConfigBuilder commitOnStop(boolean value) {
    commitOnStop = value;
    return this;
  }

  public PipelineConfigBuilder maxConnections(int value) {
    maxConnections = value;
    return this;
  }

  public PipelineConfigBuilder maxPollRecords(int value) {
    maxPollRecords = value;
    return this;
  }

  public PipelineConfigBuilder lagRefreshInterval(Duration value) {
    lagRefreshInterval = value;
    return this;
  }

  public PipelineConfigBuilder itemLayout(ItemLayout value) {
    itemLayout = value;
    return this;
  }

  public PipelineConfigBuilder onPoison(PoisonAction value) {
    onPoison = value;
    return this;
  }

  public PipelineConfigBuilder onExhausted(ExhaustedAction value) {
    onExhausted = value;
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
        Optional.ofNullable(instanceName),
        sessionTimeout,
        exactlyOnce,
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
        lagRefreshInterval,
        itemLayout,
        onPoison,
        onExhausted);
  }
}
