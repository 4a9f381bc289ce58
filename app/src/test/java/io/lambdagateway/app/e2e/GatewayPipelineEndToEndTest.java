package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.pipeline.Backoff;
import io.lambdagateway.pipeline.DeadLetters;
import io.lambdagateway.pipeline.PipelineConfig;
import io.lambdagateway.pipeline.PipelineTarget;
import io.lambdagateway.pipeline.PipelineVerticle;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.RowsRange;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kafka → pipeline → the real gateway (hosting the real enricher) → Kafka, on the shared in-process
 * broker: the pipeline reaches the gateway once through its function URL, as Transfer does, and
 * once through its Lambda Invoke API.
 */
@DisplayName("End to end: Kafka, pipeline, gateway (enricher), Kafka")
@ExtendWith(BlockedThreadGuard.class)
class GatewayPipelineEndToEndTest {

  private static final String PUBLIC_IP = "203.0.113.7";
  private static final String TOKEN = "e2e-token";
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

  /** Bytes of Transfer's start-up probe, {"Records":[]}. */
  private static final double PROBE_BYTES = "{\"Records\":[]}".length();

  private final String bootstrap = SharedBroker.bootstrapServers();
  private Gateway gateway;
  private Vertx vertx;
  private String source;
  private String target;
  private String dlq;

  @BeforeEach
  void startGatewayAndTopics() {
    gateway =
        Gateway.start(
                GatewayConfig.fromSettings(
                    Map.of(
                        "GATEWAY_HOST", "127.0.0.1",
                        "GATEWAY_PORT", "0",
                        "GATEWAY_INSTANCES", "2",
                        "GATEWAY_AUTH_TOKEN", TOKEN,
                        "ENRICHER_PUBLIC_IP", PUBLIC_IP)),
                List.of(),
                strictEventLoops())
            .await();
    vertx = Vertx.vertx();
    source = KafkaNames.unique("e2e-source");
    target = source + ".target";
    dlq = source + ".dlq";
    SharedBroker.get().createTopic(source, 2);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(dlq, 1);
  }

  @AfterEach
  void stopAll() {
    vertx.close().await();
    gateway.close().await();
  }

  /** Event loops that report even a 500 ms stall, which {@link BlockedThreadGuard} fails on. */
  static VertxOptions strictEventLoops() {
    return new VertxOptions()
        .setBlockedThreadCheckInterval(50)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(500)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(500)
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
  }

  @ParameterizedTest(name = "through the {0} target")
  @EnumSource(
      value = PipelineTarget.class,
      names = {"FUNCTION_URL", "INVOKE_API"})
  @DisplayName(
      "Demo messages come out enriched, bad ones as dead letters, and offsets are committed past them")
  void pipelineThroughTheGateway(PipelineTarget targetKind) throws Exception {
    PipelineConfig config = pipelineConfig(targetKind);
    vertx.deployVerticle(PipelineVerticle.create(config)).await();
    // Nothing was produced yet: the only call so far is Transfer's empty-batch probe.
    assertThat(enricherSample("lambda_invocations_total", "outcome=\"success\"")).isEqualTo(1);
    assertThat(enricherSample("lambda_payload_bytes_sum", "direction=\"in\""))
        .isEqualTo(PROBE_BYTES);

    List<String> good = demoMessages(12);
    List<String> bad = List.of("not a query string, no ts", "ts=2024-06-20T01:02:03Z&data={broken");
    KafkaTestClients.produce(bootstrap, source, 0, List.of(good.get(0), bad.get(0)));
    KafkaTestClients.produce(bootstrap, source, 1, good.subList(1, 7));
    KafkaTestClients.produce(bootstrap, source, 0, good.subList(7, 12));
    KafkaTestClients.produce(bootstrap, source, 1, List.of(bad.get(1)));

    List<JsonNode> expected = ExpectedRecords.of(good, PUBLIC_IP);
    List<ConsumerRecord<String, String>> written =
        KafkaTestClients.consume(bootstrap, target, expected.size(), DELIVERY_TIMEOUT);
    assertThat(ExpectedRecords.parse(written.stream().map(ConsumerRecord::value).toList()))
        .containsExactlyInAnyOrderElementsOf(expected);
    // A Kafka source has no schema, its table is the topic: key "<schema>_<table>".
    assertThat(written).extracting(ConsumerRecord::key).containsOnly("_" + source);

    List<ConsumerRecord<String, String>> letters =
        KafkaTestClients.consume(bootstrap, dlq, bad.size(), DELIVERY_TIMEOUT);
    assertThat(letters).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(bad);
    assertThat(letters)
        .allSatisfy(
            letter -> {
              assertThat(header(letter, DeadLetters.ERROR)).startsWith("ProcessingFailed: ");
              assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(source);
            });

    Map<Integer, Long> sourceEnd = KafkaOffsets.end(bootstrap, source);
    assertThat(sourceEnd).containsExactlyInAnyOrderEntriesOf(Map.of(0, 7L, 1, 7L));
    await()
        .atMost(DELIVERY_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(KafkaOffsets.committed(bootstrap, config.groupId(), source))
                    .isEqualTo(sourceEnd));
    // Exactly the expected records: no duplicate and nothing extra was written.
    assertThat(KafkaOffsets.end(bootstrap, target)).containsEntry(0, (long) expected.size());
    assertThat(KafkaOffsets.end(bootstrap, dlq)).containsEntry(0, (long) bad.size());
  }

  private PipelineConfig pipelineConfig(PipelineTarget targetKind) {
    return PipelineConfig.builder(bootstrap)
        .sourceTopic(source)
        .targetTopic(target)
        .dlqTopic(dlq)
        .groupId(KafkaNames.unique("e2e-pipeline"))
        .target(targetKind)
        .functionUrl("http://127.0.0.1:" + gateway.port())
        .functionName("enricher")
        .token(TOKEN)
        .flushInterval(Duration.ofMillis(100))
        .commitInterval(Duration.ofMillis(200))
        .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))
        .build();
  }

  private double enricherSample(String name, String label) throws Exception {
    return GatewayScrape.sample(gateway.port(), name, "function=\"enricher\"", label);
  }

  private static List<String> demoMessages(int count) {
    DemoMessages messages = new DemoMessages(7, new RowsRange(1, 4));
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(messages.next());
    }
    return values;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
