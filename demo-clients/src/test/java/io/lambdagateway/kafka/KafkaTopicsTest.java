package io.lambdagateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic creation on the real broker, as the demo producer and the demo command use it. */
@ExtendWith(VertxExtension.class)
class KafkaTopicsTest {

  private static final int PARTITIONS = 8;

  @Test
  @DisplayName(
      "Once a new topic is created its partitions' leaders act: an idempotent producer's writes"
          + " right after, five in flight per partition, are all acknowledged")
  void newTopicTakesWritesAtOnce(Vertx vertx) throws Exception {
    KafkaClientSettings kafka = KafkaClientSettings.plaintext(SharedBroker.bootstrapServers());
    Properties settings = new Properties();
    settings.putAll(kafka.toProperties());
    settings.put("acks", "all");
    settings.put("enable.idempotence", "true");
    settings.put("linger.ms", "0");
    settings.put("delivery.timeout.ms", "20000");
    settings.put("request.timeout.ms", "10000");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
      // The race between a leader announced and a leader acting lasts milliseconds: several
      // topics give it several chances.
      for (int round = 0; round < 5; round++) {
        String topic = KafkaNames.unique("created");
        boolean created =
            KafkaTopics.createIfMissing(vertx, kafka, topic, PARTITIONS, (short) 1).await();

        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 50 * PARTITIONS; i++) {
          sent.add(producer.send(new ProducerRecord<>(topic, i % PARTITIONS, null, new byte[10])));
        }
        assertThat(created).isTrue();
        for (Future<RecordMetadata> write : sent) {
          assertThat(write.get(30, TimeUnit.SECONDS).offset()).isNotNegative();
        }
      }
    }
  }
}
