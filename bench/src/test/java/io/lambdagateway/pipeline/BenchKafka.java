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
    // One request in flight: a new topic's partition may still refuse its first write
    // (NOT_LEADER_OR_FOLLOWER) while the next ones are already sent; the idempotent producer then
    // retried them with OUT_OF_ORDER_SEQUENCE_NUMBER until the writes expired (3 runs in 8).
    producerProps.put("max.in.flight.requests.per.connection", "1");
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
