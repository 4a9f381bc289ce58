package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.pipeline.Backoff;
import io.lambdagateway.pipeline.DeadLetters;
import io.lambdagateway.pipeline.PipelineConfig;
import io.lambdagateway.pipeline.PipelineVerticle;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9's poison message through the real gateway and enricher and a real broker: a ~140 KB value
 * of 10,000 tiny rows whose enrichment exceeds Lambda's 6 MiB response limit, among 10 good
 * messages. The gateway answers its batch {@code Function.ResponseSizeTooLarge}; the pipeline must
 * bisect it, dead-letter the poison message with the reason and write the 10 good ones in order.
 */
@DisplayName("End to end: a poison message is isolated and the partition moves on")
@ExtendWith(BlockedThreadGuard.class)
class PoisonRecordEndToEndTest {

  private static final Logger LOG = LoggerFactory.getLogger(PoisonRecordEndToEndTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int POISON_AT = 5;

  private final String bootstrap = SharedBroker.bootstrapServers();
  private final Vertx vertx = Vertx.vertx();
  private Gateway gateway;

  @AfterEach
  void stopAll() {
    vertx.close().await();
    if (gateway != null) {
      gateway.close().await();
    }
  }

  @Test
  @DisplayName("10 good messages are written in order, the poison one is dead-lettered with why")
  void poisonMessageIsDeadLettered() {
    String source = KafkaNames.unique("poison-source");
    String target = source + ".target";
    String dlq = source + ".dlq";
    SharedBroker.get().createTopic(source, 1);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(dlq, 1);
    gateway = InProcessLoop.startGateway(0);
    PipelineConfig config =
        PipelineConfig.builder(bootstrap)
            .sourceTopic(source)
            .targetTopic(target)
            .groupId(KafkaNames.unique("poison-pipeline"))
            .functionUrl("http://127.0.0.1:" + gateway.port())
            .flushInterval(Duration.ofMillis(200))
            .commitInterval(Duration.ofMillis(200))
            .retries(2)
            .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))
            .build();
    vertx.deployVerticle(PipelineVerticle.create(config)).await();
    List<String> good = InProcessLoop.demoMessages(10);
    // 40,000 short rows (520 KB): their answer passes 6 MiB even in the compact form
    String poison = "ts=1&data={}\n".repeat(40_000);
    List<String> messages = new ArrayList<>(good);
    messages.add(POISON_AT, poison);

    long started = System.nanoTime();
    KafkaTestClients.produce(bootstrap, source, messages);
    InProcessLoop.awaitCommitted(bootstrap, config.groupId(), source, messages.size(), TIMEOUT);
    Duration moveOn = Duration.ofNanos(System.nanoTime() - started);

    List<ConsumerRecord<String, String>> letters =
        KafkaTestClients.consume(bootstrap, dlq, 1, Duration.ofSeconds(10));
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(poison);
    assertThat(header(letters.get(0), DeadLetters.ERROR))
        .startsWith("poison record")
        .contains("Function.ResponseSizeTooLarge");
    assertThat(header(letters.get(0), DeadLetters.SOURCE_OFFSET)).isEqualTo("" + POISON_AT);
    List<JsonNode> expected = ExpectedRecords.of(good, InProcessLoop.PUBLIC_IP);
    List<ConsumerRecord<String, String>> rows =
        KafkaTestClients.consume(bootstrap, target, expected.size(), TIMEOUT);
    assertThat(ExpectedRecords.parse(rows.stream().map(ConsumerRecord::value).toList()))
        .containsExactlyElementsOf(expected);
    assertThat(moveOn).isLessThan(Duration.ofSeconds(15));
    LOG.info(
        "poison isolated: {} good rows written in order, 1 dead letter, all {} offsets committed"
            + " {} ms after the produce",
        expected.size(),
        messages.size(),
        moveOn.toMillis());
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
