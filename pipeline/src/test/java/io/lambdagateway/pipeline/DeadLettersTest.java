package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<KafkaProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
  private final Promise<Void> ack = Promise.promise();
  private final DeadLetters deadLetters =
      new DeadLetters(
          message -> {
            sent.add(message);
            return ack.future();
          },
          "source.dlq",
          new PipelineMetrics(registry));

  private static String text(KafkaHeader header) {
    return header.value().toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "A dead letter is the original key and value with the reason and source position as headers")
  void letter() {
    byte[] key = {1, 2};
    byte[] value = {(byte) 0xff, 0};
    SourceRecord source = new SourceRecord("source", 3, 42, 1_718_876_759_101L, key, value);

    deadLetters.send(source, "ProcessingFailed: bad row");

    assertThat(sent).hasSize(1);
    KafkaProducerRecord<byte[], byte[]> letter = sent.get(0);
    assertThat(letter.topic()).isEqualTo("source.dlq");
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(letter.headers())
        .extracting(KafkaHeader::key)
        .containsExactly(
            DeadLetters.ERROR,
            DeadLetters.SOURCE_TOPIC,
            DeadLetters.SOURCE_PARTITION,
            DeadLetters.SOURCE_OFFSET,
            DeadLetters.SOURCE_TIMESTAMP);
    assertThat(letter.headers())
        .extracting(DeadLettersTest::text)
        .containsExactly("ProcessingFailed: bad row", "source", "3", "42", "1718876759101");
  }

  @Test
  @DisplayName("A dead letter is counted once Kafka acknowledged it, and its future completes then")
  void countedOnAck() {
    SourceRecord tombstone = new SourceRecord("source", 0, 7, 0, null, null);

    Future<Void> written = deadLetters.send(tombstone, "record too large");
    assertThat(written.isComplete()).isFalse();
    assertThat(registry.get("pipeline.dlq.messages").counter().count()).isZero();
    ack.complete();

    assertThat(written.succeeded()).isTrue();
    assertThat(registry.get("pipeline.dlq.messages").counter().count()).isEqualTo(1.0);
    assertThat(sent.get(0).value()).isNull();
  }
}
