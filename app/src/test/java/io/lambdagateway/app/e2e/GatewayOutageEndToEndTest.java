package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.pipeline.Backoff;
import io.lambdagateway.pipeline.PipelineConfig;
import io.lambdagateway.pipeline.PipelineVerticle;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The function goes away mid-stream: the gateway stops while the pipeline runs and comes back on
 * the same port. The pipeline must pause, keep retrying and resume, losing no row.
 */
@DisplayName("End to end: the gateway goes down mid-stream")
@ExtendWith(BlockedThreadGuard.class)
class GatewayOutageEndToEndTest {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayOutageEndToEndTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

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
  @DisplayName(
      "While the gateway is down the pipeline stalls, and after its restart every row arrives")
  void pipelineSurvivesAGatewayOutage() throws Exception {
    String source = KafkaNames.unique("outage-source");
    String target = source + ".target";
    SharedBroker.get().createTopic(source, 1);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(source + ".dlq", 1);
    gateway = InProcessLoop.startGateway(0);
    int port = gateway.port();
    PipelineConfig config =
        PipelineConfig.builder(bootstrap)
            .sourceTopic(source)
            .targetTopic(target)
            .groupId(KafkaNames.unique("outage-pipeline"))
            .functionUrl("http://127.0.0.1:" + port)
            .flushInterval(Duration.ofMillis(100))
            .commitInterval(Duration.ofMillis(200))
            .retries(2)
            .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))
            .stallBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)))
            .build();
    PipelineVerticle pipeline = PipelineVerticle.create(config);
    vertx.deployVerticle(pipeline).await();
    List<String> messages = InProcessLoop.demoMessages(16);

    KafkaTestClients.produce(bootstrap, source, messages.subList(0, 8));
    InProcessLoop.awaitCommitted(bootstrap, config.groupId(), source, 8, TIMEOUT);
    gateway.close().await();
    gateway = null;
    KafkaTestClients.produce(bootstrap, source, messages.subList(8, 16));
    await().atMost(TIMEOUT).until(pipeline::stalled);
    // Down for a while: the batch stays stalled and nothing past it is committed meanwhile.
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(pipeline::stalled);
    assertThat(KafkaOffsets.committed(bootstrap, config.groupId(), source)).containsEntry(0, 8L);
    gateway = InProcessLoop.startGateway(port);
    InProcessLoop.awaitCommitted(bootstrap, config.groupId(), source, 16, TIMEOUT);

    assertThat(pipeline.stalled()).isFalse();
    long written = KafkaOffsets.end(bootstrap, target).get(0);
    List<ConsumerRecord<String, String>> records =
        KafkaTestClients.consume(bootstrap, target, (int) written, TIMEOUT);
    List<JsonNode> values =
        ExpectedRecords.parse(records.stream().map(ConsumerRecord::value).toList());
    List<JsonNode> expected = ExpectedRecords.of(messages, InProcessLoop.PUBLIC_IP);
    assertThat(values).hasSize((int) written);
    assertThat(new HashSet<>(values)).isEqualTo(new HashSet<>(expected));
    LOG.info(
        "outage: {} rows expected, {} written ({} duplicates)",
        expected.size(),
        written,
        written - expected.size());
  }
}
