package io.lambdagateway.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The benchmark's own Kafka clients: topics, a source writer, target offsets and reads. */
final class BenchKafka implements AutoCloseable {

  private final String bootstrap;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> reader;

  BenchKafka(String bootstrap) {
    this.bootstrap = bootstrap;
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    Properties producerProps = new Properties();
    producerProps.put("bootstrap.servers", bootstrap);
    producerProps.put("linger.ms", "0");
    producerProps.put("acks", "all");
    this.producer =
        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    Properties readerProps = new Properties();
    readerProps.put("bootstrap.servers", bootstrap);
    readerProps.put("enable.auto.commit", "false");
    readerProps.put("max.partition.fetch.bytes", Integer.toString(8 << 20));
    this.reader =
        new KafkaConsumer<>(readerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  String bootstrap() {
    return bootstrap;
  }

  /**
   * Creates a topic and waits for it; {@code appendTime} makes the broker stamp each record with
   * its append time, the same clock for every side of a latency run.
   */
  void createTopic(String name, int partitions, boolean appendTime) throws Exception {
    NewTopic topic = new NewTopic(name, partitions, (short) 1);
    if (appendTime) {
      topic.configs(Map.of("message.timestamp.type", "LogAppendTime"));
    }
    admin.createTopics(List.of(topic)).all().get();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (reader.partitionsFor(name).size() < partitions && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // Until every leader answers a read: the broker names a new partition's leader a moment before
    // it acts as one, and an idempotent producer whose first write was refused then while its next
    // ones were accepted retried it with OUT_OF_ORDER_SEQUENCE_NUMBER until it expired (3 runs of
    // 8 failed so).
    List<TopicPartition> all = new ArrayList<>();
    for (int partition = 0; partition < partitions; partition++) {
      all.add(new TopicPartition(name, partition));
    }
    reader.endOffsets(all, Duration.ofSeconds(30));
  }

  Future<RecordMetadata> send(String topic, byte[] value) {
    return producer.send(new ProducerRecord<>(topic, value));
  }

  /** Messages in partition 0 of a one-partition topic. */
  long endOffset(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    return reader.endOffsets(Set.of(partition)).get(partition);
  }

  /** The first {@code count} messages of a one-partition topic, or fewer after {@code limit}. */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count, Duration limit) {
    TopicPartition partition = new TopicPartition(topic, 0);
    reader.assign(List.of(partition));
    reader.seekToBeginning(List.of(partition));
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    long deadline = System.nanoTime() + limit.toNanos();
    while (out.size() < count && System.nanoTime() < deadline) {
      reader.poll(Duration.ofMillis(200)).forEach(out::add);
    }
    reader.unsubscribe();
    return out;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    reader.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
