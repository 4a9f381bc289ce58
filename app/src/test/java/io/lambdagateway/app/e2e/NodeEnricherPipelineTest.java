package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.pipeline.Backoff;
import io.lambdagateway.pipeline.PipelineConfig;
import io.lambdagateway.pipeline.PipelineTarget;
import io.lambdagateway.pipeline.PipelineVerticle;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole loop twice from one source topic on the shared in-process broker: Kafka → pipeline →
 * the gateway's function URL (as Transfer calls it) → Kafka, once through the Java enricher and
 * once through the public example's Node enricher hosted unmodified in the same gateway. The target
 * rows must be the same bytes; the one listed difference that reaches the target is the message
 * key, {@code <schema>_<table>}, because the example names every item's table "source-topic".
 */
@DisplayName("Differential, whole loop: Kafka, pipeline, Java or Node enricher, Kafka")
@ExtendWith(BlockedThreadGuard.class)
class NodeEnricherPipelineTest {

  private static final String TOKEN = "differential-token";
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

  private final String bootstrap = SharedBroker.bootstrapServers();
  private EnricherPair enrichers;
  private Vertx vertx;
  private String source;

  @BeforeEach
  void start() {
    enrichers =
        EnricherPair.start(
            NodeEnricherDifferentialTest.NODE_ENRICHER, Map.of("GATEWAY_AUTH_TOKEN", TOKEN));
    vertx = Vertx.vertx();
    source = KafkaNames.unique("differential-source");
    SharedBroker.get().createTopic(source, 2);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    enrichers.close();
  }

  @Test
  @DisplayName("the same source comes out as the same target rows through either enricher")
  void sameTargetRows() {
    List<String> messages = new ArrayList<>(new DifferentialMessages(13).next(40));
    messages.addAll(List.of("", "\n\n", DifferentialMessages.manyRows(14, 300)));
    KafkaTestClients.produce(bootstrap, source, 0, messages.subList(0, 20));
    KafkaTestClients.produce(bootstrap, source, 1, messages.subList(20, messages.size()));
    int rows = rows(messages);

    PipelineConfig java = deploy("enricher");
    PipelineConfig node = deploy(EnricherPair.NODE);
    List<ConsumerRecord<String, String>> javaRows = consume(java, rows);
    List<ConsumerRecord<String, String>> nodeRows = consume(node, rows);

    assertThat(values(nodeRows)).containsExactlyInAnyOrderElementsOf(values(javaRows));
    assertThat(javaRows).extracting(ConsumerRecord::key).containsOnly("_" + source);
    assertThat(nodeRows)
        .extracting(ConsumerRecord::key)
        .containsOnly("_" + EnricherResults.EXAMPLE_TABLE);
    Map<Integer, Long> sourceEnd = KafkaOffsets.end(bootstrap, source);
    for (PipelineConfig config : List.of(java, node)) {
      await()
          .atMost(DELIVERY_TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(KafkaOffsets.committed(bootstrap, config.groupId(), source))
                      .isEqualTo(sourceEnd));
      assertThat(KafkaOffsets.end(bootstrap, config.targetTopic())).containsEntry(0, (long) rows);
      assertThat(KafkaOffsets.end(bootstrap, config.dlqTopic())).containsEntry(0, 0L);
    }
  }

  /** A pipeline from the source to a target (and dead-letter) topic of its own. */
  private PipelineConfig deploy(String function) {
    String target = source + "." + function;
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(target + ".dlq", 1);
    PipelineConfig config =
        PipelineConfig.builder(bootstrap)
            .sourceTopic(source)
            .targetTopic(target)
            .dlqTopic(target + ".dlq")
            .groupId(KafkaNames.unique("differential-" + function))
            .target(PipelineTarget.FUNCTION_URL)
            .functionUrl("http://127.0.0.1:" + enrichers.gateway.port())
            .functionName(function)
            .token(TOKEN)
            .flushInterval(Duration.ofMillis(100))
            .commitInterval(Duration.ofMillis(200))
            .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))
            .build();
    vertx.deployVerticle(PipelineVerticle.create(config)).await();
    return config;
  }

  private List<ConsumerRecord<String, String>> consume(PipelineConfig config, int rows) {
    return KafkaTestClients.consume(bootstrap, config.targetTopic(), rows, DELIVERY_TIMEOUT);
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }

  /** Generated rows are all good: one target row per non-empty row. */
  private static int rows(List<String> messages) {
    return (int)
        messages.stream()
            .flatMap(m -> Arrays.stream(m.split("\n")))
            .filter(row -> !row.isEmpty())
            .count();
  }
}
