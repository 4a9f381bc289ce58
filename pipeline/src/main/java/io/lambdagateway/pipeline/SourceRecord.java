package io.lambdagateway.pipeline;

/**
 * One Kafka message read from the source topic, as the pipeline needs it.
 *
 * @param topic source topic
 * @param partition source partition
 * @param offset offset in that partition
 * @param timestampMs the message timestamp, Unix milliseconds
 * @param key the message key, or null when the message has none
 * @param value the message value, or null for a tombstone
 */
public record SourceRecord(
    String topic, int partition, long offset, long timestampMs, byte[] key, byte[] value) {

  /** The partition this record belongs to. */
  public SourcePartition sourcePartition() {
    return new SourcePartition(topic, partition);
  }

  /** Bytes this record holds in memory (key + value), for buffer accounting. */
  public long sizeBytes() {
    return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
  }
}
