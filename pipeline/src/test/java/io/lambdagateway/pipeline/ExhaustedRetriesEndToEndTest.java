package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --on-exhausted dlq} and {@code transform-error} against a real broker and a real function
 * server that answers 503 to every call: the batch gives up after its retries, its records are
 * dead-lettered or written as {@code __transform_error} rows, and the partition moves on (its
 * offsets are committed).
 */
@ExtendWith(VertxExtension.class)
class ExhaustedRetriesEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrap = SharedBroker.bootstrapServers();
  private KafkaTestClient kafka;
  private BlockedThreadWatch blockedThreads;
  private String source;
  private String target;
  private String dlq;

  @BeforeEach
  void setUp() {
    kafka = new KafkaTestClient(bootstrap);
    blockedThreads = new BlockedThreadWatch();
    source = KafkaNames.unique("exhausted");
    target = source + ".target";
    dlq = source + ".dlq";
    SharedBroker.get().createTopic(source, 1);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(dlq, 1);
  }

  @AfterEach
  void tearDown() {
    kafka.close();
    blockedThreads.close();
    assertThat(blockedThreads.warnings()).as("Vert.x blocked-thread warnings").isEmpty();
  }

  private PipelineConfig start(Vertx vertx, ExhaustedAction onExhausted) throws Exception {
    FunctionServer function = FunctionServer.start(vertx);
    PipelineConfig config =
        PipelineVerticle.configFor(bootstrap, function.baseUrl())
            .sourceTopic(source)
            .targetTopic(target)
            .groupId(KafkaNames.unique("group"))
            .flushInterval(Duration.ofMillis(100))
            .commitInterval(Duration.ofMillis(200))
            .retries(1)
            .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(50)))
            .onExhausted(onExhausted)
            .build();
    vertx.deployVerticle(new PipelineVerticle(config, new SimpleMeterRegistry())).await();
    // After the start-up probe, which must pass.
    function.failNext(Integer.MAX_VALUE);
    kafka.produce(source, 1, values());
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(kafka.committed(config.groupId(), source))
                    .isEqualTo(kafka.endOffsets(source, 1)));
    return config;
  }

  private static List<byte[]> values() {
    return List.of(
        "ts=1&data={}".getBytes(StandardCharsets.UTF_8),
        "ts=2&data={}".getBytes(StandardCharsets.UTF_8));
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("transform-error: each input item reaches the target with its __transform_error")
  void transformError(Vertx vertx) throws Exception {
    start(vertx, ExhaustedAction.TRANSFORM_ERROR);

    List<ConsumerRecord<byte[], byte[]>> rows = kafka.readAll(target, 2, TIMEOUT);
    assertThat(rows).hasSize(2);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = JSON.readTree(rows.get(i).value());
      assertThat(row.get("offset").asLong()).isEqualTo(i);
      assertThat(Base64.getDecoder().decode(row.get("data").asText())).isEqualTo(values().get(i));
      assertThat(row.get("__transform_error").asText()).contains("HTTP 503");
      assertThat(new String(rows.get(i).key(), StandardCharsets.UTF_8)).isEqualTo("_" + source);
    }
    assertThat(kafka.readAll(dlq, 0, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  @DisplayName("dlq: each record is dead-lettered with the last error, nothing is written")
  void deadLetter(Vertx vertx) throws Exception {
    start(vertx, ExhaustedAction.DLQ);

    List<ConsumerRecord<byte[], byte[]>> letters = kafka.readAll(dlq, 2, TIMEOUT);
    assertThat(letters).extracting(ConsumerRecord::value).containsExactlyElementsOf(values());
    assertThat(letters)
        .allSatisfy(
            letter ->
                assertThat(header(letter, DeadLetters.ERROR))
                    .startsWith("retries exhausted: ")
                    .contains("HTTP 503"));
    assertThat(kafka.readAll(target, 0, Duration.ofSeconds(2))).isEmpty();
  }
}
