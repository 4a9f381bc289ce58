package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchSenderTest {

  private Vertx vertx;
  private KafkaProducer<byte[], byte[]> producer;
  private KafkaTestClient kafka;
  private String topic;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    Properties props = new Properties();
    props.put("bootstrap.servers", SharedBroker.bootstrapServers());
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    props.put("max.request.size", "10000");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    kafka = new KafkaTestClient(SharedBroker.bootstrapServers());
    topic = KafkaNames.unique("batch-sender");
    SharedBroker.get().createTopic(topic, 1);
  }

  @AfterEach
  void tearDown() {
    producer.close(Duration.ofSeconds(5));
    kafka.close();
    vertx.close().await();
  }

  @Test
  @DisplayName(
      "Successive writes reach the topic in call order, each completing on the caller's context"
          + " once all its messages were acknowledged")
  void ordered() throws Exception {
    Context context = vertx.getOrCreateContext();
    BatchSender sender = new BatchSender(context, producer);
    AtomicInteger acknowledged = new AtomicInteger();
    List<Context> completedOn = new ArrayList<>();
    List<Future<Void>> writes = new ArrayList<>();
    context.runOnContext(
        v -> {
          for (int write = 0; write < 3; write++) {
            writes.add(
                sender
                    .send(messages(write, 500), acknowledged::incrementAndGet)
                    .onSuccess(done -> completedOn.add(Vertx.currentContext())));
          }
        });

    awaitAll(context, writes);

    assertThat(acknowledged).hasValue(1500);
    assertThat(completedOn).containsOnly(context).hasSize(3);
    List<ConsumerRecord<byte[], byte[]>> written =
        kafka.readAll(topic, 1500, Duration.ofSeconds(30));
    assertThat(written)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactlyElementsOf(
            List.of(0, 1, 2).stream()
                .flatMap(w -> messages(w, 500).stream())
                .map(m -> new String(m.value(), StandardCharsets.UTF_8))
                .toList());
  }

  @Test
  @DisplayName("A write fails when Kafka refuses one of its messages; an empty write succeeds")
  void failure() throws Exception {
    Context context = vertx.getOrCreateContext();
    BatchSender sender = new BatchSender(context, producer);
    List<ProducerRecord<byte[], byte[]>> refused = new ArrayList<>(messages(0, 3));
    refused.add(1, new ProducerRecord<>(topic, new byte[20_000]));
    List<Future<Void>> writes = new ArrayList<>();
    context.runOnContext(
        v -> {
          writes.add(sender.send(refused, () -> {}));
          writes.add(sender.send(List.of(), () -> {}));
        });

    awaitAll(context, writes);

    assertThat(writes.get(0).cause()).isInstanceOf(RecordTooLargeException.class);
    assertThat(writes.get(1).succeeded()).isTrue();
  }

  private List<ProducerRecord<byte[], byte[]>> messages(int write, int count) {
    List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] value = ("w" + write + "-" + i).getBytes(StandardCharsets.UTF_8);
      messages.add(new ProducerRecord<>(topic, value));
    }
    return messages;
  }

  /** Waits until every write completed, successfully or not. */
  private static void awaitAll(Context context, List<Future<Void>> writes) throws Exception {
    CompletableFuture<Void> settled = new CompletableFuture<>();
    context.runOnContext(v -> Future.join(writes).onComplete(ar -> settled.complete(null)));
    settled.get(30, TimeUnit.SECONDS);
  }
}
