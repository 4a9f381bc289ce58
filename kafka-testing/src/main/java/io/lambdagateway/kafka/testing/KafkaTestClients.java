package io.lambdagateway.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain, blocking kafka-clients producers and consumers that tests use to feed topics and check
 * what components wrote, independently of Vert.x. Call them from a test thread, never from an event
 * loop.
 */
public final class KafkaTestClients {

  private KafkaTestClients() {}

  /** Sends {@code values} to {@code topic} in order, synchronously, with acks=all. */
  public static void produce(String bootstrapServers, String topic, List<String> values) {
    produce(bootstrapServers, topic, null, values);
  }

  /**
   * Sends {@code values} to one partition of {@code topic} (null = the default partitioner) in
   * order, synchronously, with acks=all.
   */
  public static void produce(
      String bootstrapServers, String topic, Integer partition, List<String> values) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            bootstrapServers,
            "acks",
            "all",
            "key.serializer",
            StringSerializer.class.getName(),
            "value.serializer",
            StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, partition, null, value)).get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("test produce to " + topic + " failed", e);
    }
  }

  /**
   * Reads {@code topic} from the earliest offset in a new consumer group until {@code expected}
   * records arrived or {@code timeout} passed, and returns what arrived.
   */
  public static List<ConsumerRecord<String, String>> consume(
      String bootstrapServers, String topic, int expected, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            bootstrapServers,
            "group.id",
            KafkaNames.unique("test-reader"),
            "auto.offset.reset",
            "earliest",
            "enable.auto.commit",
            "false",
            "key.deserializer",
            StringDeserializer.class.getName(),
            "value.deserializer",
            StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
