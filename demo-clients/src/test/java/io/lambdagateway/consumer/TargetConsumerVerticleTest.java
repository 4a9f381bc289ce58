package io.lambdagateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("TargetConsumerVerticle")
class TargetConsumerVerticleTest {

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream statusBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream status = new PrintStream(statusBytes, true, StandardCharsets.UTF_8);

  @Test
  @DisplayName("Prints exactly the produced records as JSON lines, in order, then a count summary")
  void printsRecordsAsJsonLines(Vertx vertx) throws Exception {
    String topic = createTopic(1);
    List<String> values =
        List.of(
            "{\"appid\":\"rand_id_1\",\"data\":{\"EMAIL\":\"a@b.c\"},\"ip\":\"1.2.3.4\",\"ts\":\"1\"}",
            "{\n \"appid\": \"rand_id_2\"\n}",
            "not json");
    KafkaTestClients.produce(SharedBroker.bootstrapServers(), topic, values);

    ConsumerReport report =
        run(vertx, builder(topic).from(StartFrom.EARLIEST).maxRecords(3).build());

    assertThat(lines(outBytes))
        .containsExactly(
            "{\"appid\":\"rand_id_1\",\"data\":{\"EMAIL\":\"a@b.c\"},\"ip\":\"1.2.3.4\",\"ts\":\"1\"}",
            "{\"appid\":\"rand_id_2\"}",
            "\"not json\"");
    assertThat(report.records()).isEqualTo(3);
    assertThat(lines(statusBytes)).singleElement().asString().startsWith("consumed 3 records in ");
  }

  @Test
  @DisplayName("Summary mode prints periodic and final counts but no records")
  void summaryOnly(Vertx vertx) throws Exception {
    String topic = createTopic(2);
    List<String> values = IntStream.range(0, 40).mapToObj(i -> "{\"n\":" + i + "}").toList();
    KafkaTestClients.produce(SharedBroker.bootstrapServers(), topic, values);
    TargetConsumerConfig cfg =
        builder(topic)
            .from(StartFrom.EARLIEST)
            .summaryOnly(true)
            .summaryInterval(Duration.ofMillis(100))
            .build();
    TargetConsumerVerticle verticle = new TargetConsumerVerticle(cfg);
    String deployment = vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);

    waitUntil(() -> outBytes.toString(StandardCharsets.UTF_8).contains("consumed 40 records ("));
    vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);

    List<String> lines = lines(outBytes);
    assertThat(lines).noneMatch(line -> line.contains("\"n\""));
    assertThat(lines).allMatch(line -> line.startsWith("consumed "));
    assertThat(lines.get(lines.size() - 1)).startsWith("consumed 40 records in ");
    assertThat(verticle.completion().await(5, TimeUnit.SECONDS).records()).isEqualTo(40);
  }

  @Test
  @DisplayName("From latest on chosen partitions it prints only newer records of those partitions")
  void latestOnChosenPartition(Vertx vertx) throws Exception {
    String topic = createTopic(2);
    String bootstrap = SharedBroker.bootstrapServers();
    KafkaTestClients.produce(bootstrap, topic, 1, List.of("\"old\""));
    TargetConsumerConfig cfg =
        builder(topic).partitions(List.of(1)).from(StartFrom.LATEST).maxRecords(2).build();
    TargetConsumerVerticle verticle = new TargetConsumerVerticle(cfg);
    vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
    verticle.ready().await(30, TimeUnit.SECONDS);

    KafkaTestClients.produce(bootstrap, topic, 0, List.of("\"other partition\""));
    KafkaTestClients.produce(bootstrap, topic, 1, List.of("\"new 1\"", "\"new 2\""));

    assertThat(verticle.completion().await(30, TimeUnit.SECONDS).records()).isEqualTo(2);
    assertThat(lines(outBytes)).containsExactly("\"new 1\"", "\"new 2\"");
  }

  @Test
  @DisplayName("A restarted consumer in the same group continues after the records it printed")
  void continuesAfterCommittedOffsets(Vertx vertx) throws Exception {
    String topic = createTopic(1);
    String group = KafkaNames.unique("group");
    KafkaTestClients.produce(SharedBroker.bootstrapServers(), topic, List.of("1", "2", "3"));

    TargetConsumerConfig firstRun =
        builder(topic, group).from(StartFrom.EARLIEST).maxRecords(2).build();
    run(vertx, firstRun);
    outBytes.reset();
    TargetConsumerConfig secondRun =
        builder(topic, group).from(StartFrom.EARLIEST).maxRecords(1).build();
    run(vertx, secondRun);

    assertThat(lines(outBytes)).containsExactly("3");
  }

  private TargetConsumerConfig.Builder builder(String topic) {
    return builder(topic, KafkaNames.unique("group"));
  }

  private TargetConsumerConfig.Builder builder(String topic, String group) {
    return TargetConsumerConfig.builder(
            KafkaClientSettings.plaintext(SharedBroker.bootstrapServers()), topic, group)
        .out(out)
        .status(status);
  }

  private static String createTopic(int partitions) {
    String topic = KafkaNames.unique("target");
    SharedBroker.get().createTopic(topic, partitions);
    return topic;
  }

  private static ConsumerReport run(Vertx vertx, TargetConsumerConfig cfg) throws Exception {
    TargetConsumerVerticle verticle = new TargetConsumerVerticle(cfg);
    String deployment = vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
    ConsumerReport report = verticle.completion().await(30, TimeUnit.SECONDS);
    vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    return report;
  }

  private static List<String> lines(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("condition within 30 s").isTrue();
  }
}
