package io.lambdagateway.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The source consumer, keeping the group metadata (generation, member id) of its latest poll where
 * any thread can read it. A transaction's offset commit needs that metadata so the group can fence
 * a member that lost its partitions; the consumer itself may only be called from its polling
 * thread, which Vert.x owns, so the metadata is taken right after each poll on that thread.
 */
final class GroupMetadataConsumer extends KafkaConsumer<byte[], byte[]> {

  private volatile ConsumerGroupMetadata latest;

  GroupMetadataConsumer(Map<String, String> properties) {
    super(new HashMap<>(properties), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
    latest = groupMetadata();
    return records;
  }

  /** The group metadata as of the latest poll; null before the first poll. */
  ConsumerGroupMetadata latestGroupMetadata() {
    return latest;
  }
}
