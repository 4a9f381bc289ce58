package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lambdagateway.app.demo.Demo;
import io.lambdagateway.app.demo.DemoConfig;
import io.lambdagateway.app.demo.DemoSummary;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.RowsRange;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The one-command demo, in process and bounded: its own embedded broker and gateway on free ports,
 * a few seeded messages, the enriched records read back from its output stream.
 */
@DisplayName("End to end: the one-command demo")
@ExtendWith(BlockedThreadGuard.class)
class DemoEndToEndTest {

  private static final String PUBLIC_IP = "198.51.100.23";
  private static final int MESSAGES = 4;
  private static final RowsRange ROWS = new RowsRange(1, 3);
  private static final long SEED = 11;

  @Test
  @DisplayName("A bounded demo prints every enriched row as one JSON line and then stops cleanly")
  void boundedDemo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream status = new ByteArrayOutputStream();
    DemoConfig config =
        DemoConfig.builder()
            .kafkaPort(0)
            .port(0)
            .gatewaySettings(Map.of("ENRICHER_PUBLIC_IP", PUBLIC_IP))
            .rate(0)
            .count(MESSAGES)
            .rows(ROWS)
            .seed(SEED)
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .status(new PrintStream(status, true, StandardCharsets.UTF_8))
            .statusInterval(Duration.ofMillis(100))
            .build();

    Demo demo = Demo.start(config).await(60, TimeUnit.SECONDS);
    assertThat(demo.gatewayPort()).isPositive();
    if (Curl.present()) {
      assertPrintedCurlLineWorks(status.toString(StandardCharsets.UTF_8));
    }
    assertDashboardShowsThePipeline(demo.gatewayPort());
    demo.finished().await(30, TimeUnit.SECONDS);
    DemoSummary summary = demo.stop().await(30, TimeUnit.SECONDS);

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(ExpectedRecords.parse(lines))
        .containsExactlyInAnyOrderElementsOf(ExpectedRecords.of(sourceMessages(), PUBLIC_IP));
    assertThat(summary.produced()).isEqualTo(MESSAGES);
    assertThat(summary.printed()).isEqualTo(lines.size());
    assertThat(summary.deadLetters()).isZero();
    assertThat(status.toString(StandardCharsets.UTF_8))
        .contains("demo: Kafka: embedded KRaft broker on 127.0.0.1:")
        .contains("demo: token: demo-token (the default")
        .contains("demo: dashboard: http://127.0.0.1:" + demo.gatewayPort() + "/ ")
        .containsPattern(
            "demo: produced \\d+ messages, enriched \\d+ records \\(\\d+\\.\\d rows/s\\), lag \\d+")
        .contains(summary.summaryLine());
    assertThat(demo.stop()).as("stop is idempotent").isSameAs(demo.stop());
  }

  private static void assertPrintedCurlLineWorks(String status) throws Exception {
    String curl =
        status
            .lines()
            .filter(line -> line.startsWith("demo: try: curl "))
            .findFirst()
            .orElseThrow()
            .substring("demo: try: ".length());
    Process shell = new ProcessBuilder("bash", "-c", curl + " --fail --max-time 20").start();
    String answer = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(shell.exitValue()).as("the printed curl line: " + answer).isZero();
    assertThat(answer).contains("\"Records\"");
  }

  /**
   * A stop that comes while the status lines tick every millisecond: Vert.x shuts its worker pool
   * down before its event loops, so a tick between the two must not be left to hand its printing to
   * the closed pool (Vert.x logs that as an unhandled exception). Three runs against one broker,
   * because a single one may stop between ticks (without the fix, each of five runs logged one to
   * seven such exceptions).
   */
  @Test
  @DisplayName("A demo stopped while its status lines tick leaves no unhandled exception")
  void stopWhileStatusLinesTick() throws Exception {
    ListAppender<ILoggingEvent> unhandled = new ListAppender<>();
    unhandled.start();
    Logger contexts = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.ContextImpl");
    contexts.addAppender(unhandled);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0)) {
      for (int run = 0; run < 3; run++) {
        DemoConfig config =
            DemoConfig.builder()
                .bootstrapServers(broker.bootstrapServers())
                .port(0)
                .rate(0)
                .count(1)
                .out(new PrintStream(OutputStream.nullOutputStream()))
                .status(new PrintStream(OutputStream.nullOutputStream()))
                .statusInterval(Duration.ofMillis(1))
                .build();
        Demo demo = Demo.start(config).await(60, TimeUnit.SECONDS);
        demo.stop().await(30, TimeUnit.SECONDS);
      }
    } finally {
      contexts.detachAppender(unhandled);
    }
    assertThat(unhandled.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
  }

  /**
   * The dashboard's live stream carries the in-process pipeline's status (read from its status
   * port, which the demo hands to the gateway) within a few of its 2 s reads.
   */
  private static void assertDashboardShowsThePipeline(int gatewayPort) throws Exception {
    HttpRequest events =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/.gateway/events"))
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient().send(events, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = stream.body()) {
      Optional<String> pipeline =
          lines
              .limit(40)
              .filter(line -> line.startsWith("data:"))
              .map(line -> new JsonObject(line.substring("data:".length())))
              .map(snapshot -> snapshot.getJsonObject("pipeline"))
              .filter(status -> status != null && status.containsKey("partitions"))
              .map(JsonObject::encode)
              .findFirst();
      assertThat(pipeline).as("a snapshot with the pipeline's partitions").isPresent();
      assertThat(pipeline.get()).doesNotContain("\"error\"");
    }
  }

  /** The messages the demo's producer sends: the same seeded generator, independently. */
  private static List<String> sourceMessages() {
    DemoMessages messages = new DemoMessages(SEED, ROWS);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      values.add(messages.next());
    }
    return values;
  }
}
