package io.lambdagateway.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Blocking Kafka helpers for the test thread: produce, read a whole topic, read group offsets. */
final class KafkaTestClient implements AutoCloseable {

  private final String bootstrap;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  KafkaTestClient(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    this.admin = Admin.create(props);
    props.put("acks", "all");
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Produces the values (key "k<i>", round-robin over partitions); returns their coordinates. */
  List<RecordMetadata> produce(String topic, int partitions, List<byte[]> values)
      throws ExecutionException, InterruptedException {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
      sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, key, values.get(i))));
    }
    List<RecordMetadata> metadata = new ArrayList<>();
    for (Future<RecordMetadata> f : sent) {
      metadata.add(f.get());
    }
    return metadata;
  }

  /** Sends one value (no key) without waiting for the acknowledgement. */
  void produceOne(String topic, byte[] value) {
    producer.send(new ProducerRecord<>(topic, value));
  }

  /** Every record of the topic, once at least {@code atLeast} are there and 1 s passed quietly. */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast, Duration timeout) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      long quietSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        int before = records.size();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (records.size() != before) {
          quietSince = System.nanoTime();
        } else if (records.size() >= atLeast
            && System.nanoTime() - quietSince > Duration.ofSeconds(1).toNanos()) {
          break;
        }
      }
      return records;
    }
  }

  /** The group's committed positions of the topic, by partition (absent = none). */
  Map<Integer, Long> committed(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<Integer, Long> positions = new HashMap<>();
    offsets.forEach(
        (tp, om) -> {
          if (tp.topic().equals(topic) && om != null) {
            positions.put(tp.partition(), om.offset());
          }
        });
    return positions;
  }

  /** The log-end offsets of the topic, by partition. */
  Map<Integer, Long> endOffsets(String topic, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<Integer, Long> ends = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
    return ends;
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
