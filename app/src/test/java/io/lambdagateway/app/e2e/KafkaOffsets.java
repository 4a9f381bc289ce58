package io.lambdagateway.app.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Blocking look-ups of end offsets and a group's committed offsets with plain kafka-clients, for
 * test threads only. Both are keyed by partition number.
 */
final class KafkaOffsets {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private KafkaOffsets() {}

  /** The end offset (next offset to be written) of each partition of {@code topic}. */
  static Map<Integer, Long> end(String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", bootstrapServers,
            "key.deserializer", ByteArrayDeserializer.class.getName(),
            "value.deserializer", ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      Map<Integer, Long> ends = new TreeMap<>();
      consumer
          .endOffsets(
              consumer.partitionsFor(topic, TIMEOUT).stream()
                  .map(info -> new TopicPartition(topic, info.partition()))
                  .toList(),
              TIMEOUT)
          .forEach((partition, offset) -> ends.put(partition.partition(), offset));
      return ends;
    }
  }

  /** The offsets {@code group} committed on {@code topic}; partitions without one are absent. */
  static Map<Integer, Long> committed(String bootstrapServers, String group, String topic)
      throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Map<Integer, Long> committed = new TreeMap<>();
      offsets.forEach(
          (partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
              committed.put(partition.partition(), offset.offset());
            }
          });
      return committed;
    }
  }
}
