package io.lambdagateway.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("ProducerVerticle")
class ProducerVerticleTest {

  private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  @DisplayName(
      "N seeded messages arrive exactly, in a topic it created with the configured partitions")
  void seededMessagesArrive(Vertx vertx) throws Exception {
    String topic = KafkaNames.unique("demo");
    RowsRange rows = new RowsRange(1, 10);
    ProducerConfig cfg = builder(topic).messageCount(25).seed(7).rows(rows).partitions(3).build();

    ProducerReport report = run(vertx, cfg);

    DemoMessages expected = new DemoMessages(7, rows);
    List<String> expectedValues = IntStream.range(0, 25).mapToObj(i -> expected.next()).toList();
    assertThat(values(topic, 25)).containsExactlyInAnyOrderElementsOf(expectedValues);
    assertThat(report.acknowledged()).isEqualTo(25);
    assertThat(report.failed()).isZero();
    assertThat(partitionCount(topic)).isEqualTo(3);
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("produced 25 messages, 0 errors");
  }

  @Test
  @DisplayName(
      "With a tiny producer buffer the in-flight window is filled but never exceeded, and all messages arrive")
  void backPressure(Vertx vertx) throws Exception {
    String topic = KafkaNames.unique("backpressure");
    int messages = 1_000;
    ProducerConfig cfg =
        builder(topic)
            .messageCount(messages)
            .rows(new RowsRange(1, 3))
            .maxInFlight(4)
            .partitions(1)
            .producerOverrides(
                Map.of("buffer.memory", "16384", "batch.size", "1024", "linger.ms", "0"))
            .build();

    ProducerReport report = run(vertx, cfg);

    assertThat(report.maxInFlight()).isEqualTo(4);
    assertThat(report.acknowledged()).isEqualTo(messages);
    DemoMessages expected = new DemoMessages(ProducerConfig.DEFAULT_SEED, new RowsRange(1, 3));
    List<String> expectedValues =
        IntStream.range(0, messages).mapToObj(i -> expected.next()).toList();
    // One partition keeps order, and the idempotent producer must neither lose nor duplicate.
    assertThat(values(topic, messages)).containsExactlyElementsOf(expectedValues);
  }

  @Test
  @DisplayName("Sends the broker refuses are counted as errors and the run still completes")
  void failedSendsAreCounted(Vertx vertx) throws Exception {
    String topic = KafkaNames.unique("too-large");
    // Every one-row message is larger than 100 bytes, so the client refuses each send.
    ProducerConfig cfg =
        builder(topic)
            .messageCount(3)
            .rows(new RowsRange(1, 1))
            .producerOverrides(Map.of("max.request.size", "100"))
            .build();

    ProducerReport report = run(vertx, cfg);

    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.acknowledged()).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("produced 0 messages, 3 errors");
  }

  @Test
  @DisplayName("A rate limit spreads the sends over the expected time")
  void rateLimit(Vertx vertx) throws Exception {
    String topic = KafkaNames.unique("paced");
    ProducerConfig cfg = builder(topic).messageCount(21).rate(40).rows(new RowsRange(1, 1)).build();

    ProducerReport report = run(vertx, cfg);

    // Message 20 is due 20 / 40 = 0.5 s after the first.
    assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(report.acknowledged()).isEqualTo(21);
  }

  @Test
  @DisplayName("File mode sends each non-blank line as one message")
  void fileLines(Vertx vertx, @TempDir Path dir) throws Exception {
    String topic = KafkaNames.unique("file-lines");
    Path file =
        Files.writeString(dir.resolve("input.txt"), "first line\n\nsecond=2&x\n  \nthird\n");
    ProducerConfig cfg = builder(topic).lines(LineInput.file(file)).partitions(1).build();

    ProducerReport report = run(vertx, cfg);

    assertThat(report.acknowledged()).isEqualTo(3);
    assertThat(values(topic, 3)).containsExactly("first line", "second=2&x", "third");
  }

  @Test
  @DisplayName("Stream mode stops after the message count and reports a missing file as a failure")
  void streamLinesWithLimit(Vertx vertx, @TempDir Path dir) throws Exception {
    String topic = KafkaNames.unique("stdin-lines");
    byte[] input = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);
    LineInput stdinLike = new LineInput("test stdin", () -> new ByteArrayInputStream(input));
    ProducerConfig cfg = builder(topic).lines(stdinLike).messageCount(2).partitions(1).build();

    assertThat(run(vertx, cfg).acknowledged()).isEqualTo(2);
    assertThat(values(topic, 2)).containsExactly("a", "b");

    ProducerConfig missing =
        builder(topic).lines(LineInput.file(dir.resolve("absent.txt"))).build();
    ProducerVerticle verticle = new ProducerVerticle(missing);
    vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
    assertThat(verticle.completion().toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName(
      "An unbounded run prints progress, and on undeploy settles its sends and reports every one that arrived")
  void unboundedRunStops(Vertx vertx) throws Exception {
    String topic = KafkaNames.unique("unbounded");
    RowsRange rows = new RowsRange(1, 2);
    ProducerConfig cfg =
        builder(topic)
            .rate(500)
            .rows(rows)
            .partitions(1)
            .maxInFlight(8)
            .progressInterval(Duration.ofMillis(200))
            .build();
    ProducerVerticle verticle = new ProducerVerticle(cfg);
    String deployment = vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);

    waitForOutput("msg/s), 0 errors");
    vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    ProducerReport report = verticle.completion().await(5, TimeUnit.SECONDS);

    assertThat(report.failed()).isZero();
    assertThat(report.acknowledged()).isPositive();
    DemoMessages expected = new DemoMessages(ProducerConfig.DEFAULT_SEED, rows);
    List<String> expectedValues =
        IntStream.range(0, (int) report.acknowledged()).mapToObj(i -> expected.next()).toList();
    assertThat(values(topic, (int) report.acknowledged()))
        .containsExactlyElementsOf(expectedValues);
  }

  private void waitForOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!output.toString(StandardCharsets.UTF_8).contains(text)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(output.toString(StandardCharsets.UTF_8)).contains(text);
  }

  private ProducerConfig.Builder builder(String topic) {
    return ProducerConfig.builder(
            KafkaClientSettings.plaintext(SharedBroker.bootstrapServers()), topic)
        .out(out);
  }

  private static ProducerReport run(Vertx vertx, ProducerConfig cfg) throws Exception {
    ProducerVerticle verticle = new ProducerVerticle(cfg);
    vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
    return verticle.completion().await(60, TimeUnit.SECONDS);
  }

  private static List<String> values(String topic, int expected) {
    return KafkaTestClients.consume(
            SharedBroker.bootstrapServers(), topic, expected, CONSUME_TIMEOUT)
        .stream()
        .map(ConsumerRecord::value)
        .toList();
  }

  private static int partitionCount(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()))) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .size();
    }
  }
}
