package io.lambdagateway.app.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic watched from a test thread with plain kafka-clients: its total end offset (cheap, for
 * progress) and all its values (for the final check), read with an isolation level.
 */
final class TargetProgress implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final KafkaConsumer<String, String> consumer;
  private final List<TopicPartition> partitions = new ArrayList<>();

  /**
   * @param readCommitted read only committed transactional writes (and stop at the last stable
   *     offset)
   */
  TargetProgress(String bootstrapServers, String topic, boolean readCommitted) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("isolation.level", readCommitted ? "read_committed" : "read_uncommitted");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    for (PartitionInfo info : consumer.partitionsFor(topic, TIMEOUT)) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
  }

  /**
   * The sum of the partitions' end offsets: with read_committed the last stable offset, which
   * includes transaction markers and aborted records.
   */
  long end() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every value from the beginning, read until {@code atLeast} arrived and 2 s passed quietly. */
  List<String> readAll(int atLeast, Duration timeout) {
    consumer.seekToBeginning(partitions);
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int before = values.size();
      consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      if (values.size() != before) {
        quietSince = System.nanoTime();
      } else if (values.size() >= atLeast
          && System.nanoTime() - quietSince > Duration.ofSeconds(2).toNanos()) {
        break;
      }
    }
    return values;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
