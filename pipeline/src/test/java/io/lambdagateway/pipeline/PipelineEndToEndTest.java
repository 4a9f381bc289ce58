package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline against a real in-process Kafka broker and a real HTTP function server running
 * the real enricher.
 */
@ExtendWith(VertxExtension.class)
class PipelineEndToEndTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineEndToEndTest.class);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private String bootstrap;
  private KafkaTestClient kafka;
  private BlockedThreadWatch blockedThreads;
  private String source;
  private String target;
  private String dlq;

  @BeforeEach
  void setUp() {
    bootstrap = SharedBroker.bootstrapServers();
    kafka = new KafkaTestClient(bootstrap);
    blockedThreads = new BlockedThreadWatch();
  }

  @AfterEach
  void tearDown() {
    kafka.close();
    blockedThreads.close();
    assertThat(blockedThreads.warnings()).as("Vert.x blocked-thread warnings").isEmpty();
  }

  private void topics(String prefix, int sourcePartitions) {
    source = KafkaNames.unique(prefix);
    target = source + ".target";
    dlq = source + ".dlq";
    SharedBroker.get().createTopic(source, sourcePartitions);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(dlq, 1);
  }

  private PipelineConfigBuilder fastConfig(FunctionServer function) {
    return PipelineVerticle.configFor(bootstrap, function.baseUrl())
        .sourceTopic(source)
        .targetTopic(target)
        .groupId(KafkaNames.unique("group"))
        .flushInterval(Duration.ofMillis(100))
        .commitInterval(Duration.ofMillis(200))
        .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))
        .stallBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)));
  }

  private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  private long targetCount() throws Exception {
    return kafka.endOffsets(target, 1).get(0);
  }

  private void awaitCommittedToEnd(String group, int partitions) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(kafka.committed(group, source))
                    .isEqualTo(kafka.endOffsets(source, partitions)));
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** GET on the status server; the exchange runs on a Vert.x context, not the test thread. */
  private static String status(Vertx vertx, HttpClientAgent http, int port, String path)
      throws TimeoutException {
    Promise<String> answer = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v ->
                http.request(HttpMethod.GET, port, "127.0.0.1", path)
                    .compose(request -> request.send())
                    .compose(
                        response -> response.body().map(body -> response.statusCode() + " " + body))
                    .onComplete(answer));
    return answer.future().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName(
      "Enriched rows reach the target, bad messages the DLQ, offsets are committed to the end")
  void endToEnd(Vertx vertx) throws Exception {
    topics("e2e", 2);
    SourceRows rows = new SourceRows(1, "e2e").good(30, 5).bad().good(10, 3).bad().bad();
    List<RecordMetadata> produced = kafka.produce(source, 2, rows.values());
    FunctionServer function = FunctionServer.start(vertx);
    PipelineConfig config =
        fastConfig(function)
            .token("secret-token")
            .header("X-Transfer-Test", "yes")
            .header("Accept", "application/json; charset=utf-8")
            .build();

    vertx.deployVerticle(PipelineVerticle.create(config)).await();

    List<ConsumerRecord<byte[], byte[]>> written =
        kafka.readAll(target, rows.expectedTargetValues().size(), DELIVERY_TIMEOUT);
    assertThat(values(written)).containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    assertThat(written)
        .allSatisfy(
            r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("_" + source));

    List<ConsumerRecord<byte[], byte[]>> letters = kafka.readAll(dlq, 3, DELIVERY_TIMEOUT);
    assertThat(letters)
        .hasSize(3)
        .allSatisfy(
            letter -> {
              int index =
                  Integer.parseInt(new String(letter.key(), StandardCharsets.UTF_8).substring(1));
              RecordMetadata original = produced.get(index);
              assertThat(letter.value()).isEqualTo(rows.values().get(index));
              assertThat(header(letter, DeadLetters.ERROR)).startsWith("ProcessingFailed: ");
              assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(source);
              assertThat(header(letter, DeadLetters.SOURCE_PARTITION))
                  .isEqualTo(Integer.toString(original.partition()));
              assertThat(header(letter, DeadLetters.SOURCE_OFFSET))
                  .isEqualTo(Long.toString(original.offset()));
              assertThat(header(letter, DeadLetters.SOURCE_TIMESTAMP))
                  .isEqualTo(Long.toString(original.timestamp()));
            });
    awaitCommittedToEnd(config.groupId(), 2);

    assertThat(function.probes()).isEqualTo(1);
    FunctionServer.SeenRequest probe = function.seen().get(0);
    assertThat(probe.body()).isEqualTo("{\"Records\":[]}");
    assertThat(probe.uri()).isEqualTo("/enricher?integration=raw");
    assertThat(probe.headers().get("Authorization")).isEqualTo("Bearer secret-token");
    assertThat(probe.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(probe.headers().get("Accept")).isEqualTo("application/json; charset=utf-8");
    assertThat(probe.headers().get("X-Transfer-Test")).isEqualTo("yes");
  }

  @Test
  @DisplayName(
      "Update items the json serializer refuses send their source message to the DLQ; Dropped writes nothing")
  void refusedAndDropped(Vertx vertx) throws Exception {
    topics("refused", 1);
    SourceRows rows = new SourceRows(5, "refused").good(6, 2);
    kafka.produce(source, 1, rows.values());
    FunctionServer function = FunctionServer.start(vertx);
    function.function(PipelineEndToEndTest::updateEvenDropOdd);
    PipelineConfig config = fastConfig(function).build();

    vertx.deployVerticle(PipelineVerticle.create(config)).await();

    List<ConsumerRecord<byte[], byte[]>> letters = kafka.readAll(dlq, 3, DELIVERY_TIMEOUT);
    assertThat(letters)
        .extracting(r -> header(r, DeadLetters.SOURCE_OFFSET))
        .containsExactlyInAnyOrder("0", "2", "4");
    assertThat(letters)
        .allSatisfy(
            letter -> {
              assertThat(header(letter, DeadLetters.ERROR))
                  .contains("target serializer refused", "update");
              int offset = Integer.parseInt(header(letter, DeadLetters.SOURCE_OFFSET));
              assertThat(letter.value()).isEqualTo(rows.values().get(offset));
            });
    awaitCommittedToEnd(config.groupId(), 1);
    assertThat(targetCount()).isZero();
  }

  /** A function answering an update item for even offsets and Dropped for odd ones. */
  private static byte[] updateEvenDropOdd(byte[] request) {
    try {
      JsonNode records = JSON.readTree(request).get("Records");
      ObjectNode response = JSON.createObjectNode();
      ArrayNode results = response.putArray("Records");
      for (JsonNode record : records) {
        ObjectNode result = results.addObject().put("eventID", record.get("eventID").asText());
        if (record.get("cdc").get("nextlsn").asLong() % 2 == 0) {
          ObjectNode update = (ObjectNode) record.get("cdc").deepCopy();
          update.put("kind", "update");
          result.put("result", "Ok").set("cdc", update);
        } else {
          result.put("result", "Dropped");
        }
      }
      return JSON.writeValueAsBytes(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("Consumption pauses at the buffer's high watermark and every row still arrives")
  void boundedMemory(Vertx vertx) throws Exception {
    topics("memory", 1);
    SourceRows rows = new SourceRows(6, "memory").good(200, 2);
    kafka.produce(source, 1, rows.values());
    FunctionServer function = FunctionServer.start(vertx);
    function.delay(100);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineConfig config =
        fastConfig(function)
            .maxBufferedRecords(30)
            .maxPollRecords(10)
            .bufferSizeBytes(2048)
            .build();
    vertx.deployVerticle(new PipelineVerticle(config, registry)).await();
    double maxBuffered = 0;
    boolean sawPause = false;
    long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
    int expected = rows.expectedTargetValues().size();
    while (targetCount() < expected && System.nanoTime() < deadline) {
      maxBuffered =
          Math.max(maxBuffered, registry.get("pipeline.buffered.records").gauge().value());
      sawPause |= registry.get("pipeline.paused").gauge().value() == 1.0;
      Thread.sleep(5);
    }

    assertThat(values(kafka.readAll(target, expected, DELIVERY_TIMEOUT)))
        .containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    assertThat(sawPause).isTrue();
    assertThat(maxBuffered)
        .as("unfinished records: the watermark plus at most one poll")
        .isLessThanOrEqualTo(30 + 10);
    LOG.info("bounded-memory run: at most {} unfinished records (watermark 30)", maxBuffered);
  }

  @Test
  @DisplayName(
      "The byte watermark counts each record's encoded request as well as its message, and every"
          + " row still arrives")
  void boundedMemoryCountsEncodedRequests(Vertx vertx) throws Exception {
    topics("memory-bytes", 1);
    SourceRows rows = new SourceRows(7, "memory-bytes").good(200, 2);
    kafka.produce(source, 1, rows.values());
    double messageBytes = rows.values().stream().mapToInt(v -> v.length).average().orElseThrow();
    FunctionServer function = FunctionServer.start(vertx);
    function.delay(100);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineConfig config =
        fastConfig(function)
            .maxBufferedBytes(20_000)
            .maxPollRecords(10)
            .bufferSizeBytes(4096)
            .build();
    vertx.deployVerticle(new PipelineVerticle(config, registry)).await();
    double bytesPerRecord = 0;
    boolean sawPause = false;
    long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
    int expected = rows.expectedTargetValues().size();
    while (targetCount() < expected && System.nanoTime() < deadline) {
      double records = registry.get("pipeline.buffered.records").gauge().value();
      if (records > 0) {
        double bytes = registry.get("pipeline.buffered.bytes").gauge().value();
        bytesPerRecord = Math.max(bytesPerRecord, bytes / records);
      }
      sawPause |= registry.get("pipeline.paused").gauge().value() == 1.0;
      Thread.sleep(5);
    }

    assertThat(values(kafka.readAll(target, expected, DELIVERY_TIMEOUT)))
        .containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    assertThat(sawPause).isTrue();
    assertThat(bytesPerRecord)
        .as("bytes held per unfinished record: its message and its request record (~1.5 KB)")
        .isGreaterThan(messageBytes + 1000);
  }

  @Test
  @DisplayName("After an abrupt stop without commit and a restart, every row reaches the target")
  void noLossAfterCrash(Vertx vertx) throws Exception {
    topics("crash", 2);
    SourceRows rows = new SourceRows(2, "crash").good(300, 3);
    kafka.produce(source, 2, rows.values());
    FunctionServer function = FunctionServer.start(vertx);
    function.delay(30);
    PipelineConfigBuilder builder =
        fastConfig(function).bufferSizeBytes(4096).flushInterval(Duration.ofMillis(50));
    PipelineConfig crashing = builder.commitOnStop(false).stopGrace(Duration.ZERO).build();
    Vertx crashingVertx = Vertx.vertx();
    crashingVertx.deployVerticle(PipelineVerticle.create(crashing)).await();
    int expected = rows.expectedTargetValues().size();
    await().atMost(DELIVERY_TIMEOUT).until(() -> targetCount() >= expected / 10);

    long atCrash = targetCount();
    crashingVertx.close().await();
    LOG.info(
        "crashed with {} of {} rows written ({} after the stop); committed: {}",
        atCrash,
        expected,
        targetCount(),
        kafka.committed(crashing.groupId(), source));
    assertThat(atCrash).as("stopped mid-stream").isLessThan(expected);
    function.delay(0);
    vertx.deployVerticle(PipelineVerticle.create(builder.commitOnStop(true).build())).await();

    List<String> written = values(kafka.readAll(target, expected, DELIVERY_TIMEOUT));
    assertThat(new HashSet<>(written))
        .containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    LOG.info(
        "no-loss run: {} rows expected, {} written, {} duplicates",
        expected,
        written.size(),
        written.size() - expected);
    awaitCommittedToEnd(crashing.groupId(), 2);
  }

  @Test
  @DisplayName("While the function fails or is down, nothing is skipped and the pipeline resumes")
  void functionUnavailable(Vertx vertx) throws Exception {
    topics("outage", 2);
    FunctionServer function = FunctionServer.start(vertx);
    PipelineConfig config = fastConfig(function).retries(2).build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineVerticle pipeline = new PipelineVerticle(config, registry);
    vertx.deployVerticle(pipeline).await();
    HttpClientAgent http = vertx.createHttpClient();
    int statusPort =
        vertx
            .createHttpServer()
            .requestHandler(StatusEndpoints.create(registry, pipeline))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();

    function.failNext(12);
    SourceRows rows = new SourceRows(3, "outage").good(20, 3);
    kafka.produce(source, 2, rows.values().subList(0, 10));
    await().atMost(DELIVERY_TIMEOUT).until(pipeline::stalled);
    assertThat(status(vertx, http, statusPort, "/health")).startsWith("503 ");
    await().atMost(DELIVERY_TIMEOUT).until(() -> !pipeline.stalled());
    assertThat(status(vertx, http, statusPort, "/health")).isEqualTo("200 {\"status\":\"UP\"}");
    assertThat(function.failuresServed()).isEqualTo(12);

    function.stop();
    kafka.produce(source, 2, rows.values().subList(10, 20));
    await().atMost(DELIVERY_TIMEOUT).until(pipeline::stalled);
    Thread.sleep(1500);
    function.restart();

    List<String> written =
        values(kafka.readAll(target, rows.expectedTargetValues().size(), DELIVERY_TIMEOUT));
    assertThat(new HashSet<>(written))
        .containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    await().atMost(Duration.ofSeconds(10)).until(() -> !pipeline.stalled());
    String metrics = status(vertx, http, statusPort, "/metrics");
    assertThat(metrics)
        .contains("pipeline_stalled_batches 0.0", "pipeline_paused 0.0")
        .contains("pipeline_consumer_lag ")
        .containsPattern("pipeline_retries_total [1-9]")
        .containsPattern("pipeline_results_total\\{status=\"Split\"\\} 20\\.0");
    assertThat(status(vertx, http, statusPort, "/status"))
        .startsWith("200 {\"stalled\":false,\"rowsIn\":")
        .containsPattern("\"rowsOut\":[1-9]")
        .contains("\"dlqMessages\":0,\"stalledBatches\":0,");
    assertThat(kafka.readAll(dlq, 0, Duration.ofSeconds(3))).isEmpty();
    awaitCommittedToEnd(config.groupId(), 2);
  }

  @Test
  @DisplayName(
      "The consumer lag counts the records produced while consumption is paused and is 0 after catch-up")
  void consumerLag(Vertx vertx) throws Exception {
    topics("lag", 2);
    FunctionServer function = FunctionServer.start(vertx);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineConfig config =
        fastConfig(function).retries(1).lagRefreshInterval(Duration.ofMillis(100)).build();
    PipelineVerticle pipeline = new PipelineVerticle(config, registry);
    vertx.deployVerticle(pipeline).await();
    await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.assignedPartitionCount() == 2);

    SourceRows rows = new SourceRows(7, "lag").good(14, 2);
    function.failNext(Integer.MAX_VALUE);
    kafka.produce(source, 2, rows.values().subList(0, 4));
    await().atMost(DELIVERY_TIMEOUT).until(pipeline::stalled);
    // Longer than the Vert.x consumer's 1 s poll: a poll running when the pause came has ended.
    Thread.sleep(1500);
    kafka.produce(source, 2, rows.values().subList(4, 14));

    await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(lag(registry)).isEqualTo(10));
    assertThat(pipeline.partitionLag())
        .extracting(PipelineMetrics.PartitionLag::topic, PipelineMetrics.PartitionLag::partition)
        .containsExactly(tuple(source, 0), tuple(source, 1));
    assertThat(pipeline.partitionLag().stream().mapToLong(PipelineMetrics.PartitionLag::lag).sum())
        .isEqualTo(10);
    assertThat(registry.get("pipeline.paused").gauge().value()).isEqualTo(1.0);

    function.failNext(0);
    int expected = rows.expectedTargetValues().size();
    assertThat(new HashSet<>(values(kafka.readAll(target, expected, DELIVERY_TIMEOUT))))
        .containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(lag(registry)).isZero());
  }

  private static double lag(SimpleMeterRegistry registry) {
    return registry.get("pipeline.consumer.lag").gauge().value();
  }

  @Test
  @DisplayName(
      "Two instances in one group split four partitions; stopping one mid-stream loses nothing")
  void scaleOut(Vertx vertx) throws Exception {
    topics("scale", 4);
    FunctionServer function = FunctionServer.start(vertx);
    function.delay(20);
    PipelineConfig config =
        fastConfig(function).bufferSizeBytes(4096).flushInterval(Duration.ofMillis(50)).build();
    Vertx otherVertx = Vertx.vertx();
    // The first instance abandons its in-flight work on stop: a stop truly mid-stream.
    PipelineVerticle first =
        PipelineVerticle.create(
            fastConfig(function)
                .groupId(config.groupId())
                .bufferSizeBytes(4096)
                .flushInterval(Duration.ofMillis(50))
                .stopGrace(Duration.ZERO)
                .build());
    PipelineVerticle second = PipelineVerticle.create(config);
    otherVertx.deployVerticle(first).await();
    vertx.deployVerticle(second).await();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> first.assignedPartitionCount() == 2 && second.assignedPartitionCount() == 2);

    SourceRows rows = new SourceRows(4, "scale").good(800, 2);
    kafka.produce(source, 4, rows.values());
    int expected = rows.expectedTargetValues().size();
    await().atMost(DELIVERY_TIMEOUT).until(() -> targetCount() >= expected / 10);
    long atStop = targetCount();
    otherVertx.close().await();
    LOG.info("first instance stopped with {} of {} rows written", atStop, expected);
    assertThat(atStop).as("stopped mid-stream").isLessThan(expected);
    await().atMost(Duration.ofSeconds(30)).until(() -> second.assignedPartitionCount() == 4);

    List<String> written = values(kafka.readAll(target, expected, DELIVERY_TIMEOUT));
    assertThat(new HashSet<>(written))
        .containsExactlyInAnyOrderElementsOf(rows.expectedTargetValues());
    LOG.info(
        "scale-out run: {} rows expected, {} written, {} duplicates",
        expected,
        written.size(),
        written.size() - expected);
    awaitCommittedToEnd(config.groupId(), 4);
    Map<Integer, Long> committed = kafka.committed(config.groupId(), source);
    assertThat(committed).hasSize(4);
  }
}
