package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.transfer.TransferJson;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded throughput and latency run of the pipeline on the in-process broker with the test
 * function server (real enricher over real HTTP, same JVM), against a Kafka-only copy as the floor;
 * when the gateway jar is built, the same backlog also goes through it (its own JVM), by function
 * URL and by Invoke API. Not part of the default build: run with {@code -Dgroups=bench
 * -Dpipeline.excludedGroups=none} (see bench/pipeline/README.md). Results go to the log and to
 * target/pipeline-bench.md.
 */
@Tag("bench")
class PipelineBenchmarkTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmarkTest.class);
  private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);
  private static final Path GATEWAY_JAR =
      Path.of(System.getProperty("bench.gatewayJar", "../app/target/lambda-gateway.jar"));
  private static final int MAX_ROWS = 10;
  private static final int LATENCY_RATE_PER_SECOND = 100;
  private static final int LATENCY_SECONDS = 5;

  private final List<String> report = new ArrayList<>();
  private Vertx vertx;
  private KafkaTestClient kafka;
  private String bootstrap;

  @BeforeEach
  void setUp() {
    bootstrap = SharedBroker.bootstrapServers();
    kafka = new KafkaTestClient(bootstrap);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
    kafka.close();
  }

  @Test
  @DisplayName("Throughput against the Kafka-only floor, and end-to-end latency at flush 0 and 1 s")
  void run() throws Exception {
    FunctionServer function = FunctionServer.start(vertx);
    String source = KafkaNames.unique("bench");
    SharedBroker.get().createTopic(source, 4);
    SourceRows rows = new SourceRows(11, "bench").good(MESSAGES, MAX_ROWS);
    long bytes = rows.values().stream().mapToLong(v -> v.length).sum();
    kafka.produce(source, 4, rows.values());
    int expectedRows = rows.expectedTargetValues().size();
    report.add(
        String.format(
            Locale.ROOT,
            "Backlog: %d messages, %d rows, %.1f MB on a 4-partition" + " topic.",
            MESSAGES,
            expectedRows,
            bytes / 1e6));
    report.add("");
    report.add(
        "| run | wall s (from deploy) | msg/s (wall) | rows/s (wall) | msg/s (steady)"
            + " | rows/s (steady) |");
    report.add("| --- | ---: | ---: | ---: | ---: | ---: |");

    String copy = source + ".copy";
    SharedBroker.get().createTopic(copy, 1);
    double[] copySeconds =
        drain(new KafkaCopyVerticle(config(function, source, copy).build()), copy, MESSAGES);
    row("Kafka-only copy (floor)", copySeconds, MESSAGES, MESSAGES);

    String target = source + ".target";
    SharedBroker.get().createTopic(target, 1);
    double[] pipelineSeconds =
        drain(
            PipelineVerticle.create(config(function, source, target).build()),
            target,
            expectedRows);
    row("pipeline → in-JVM test function (function URL)", pipelineSeconds, MESSAGES, expectedRows);
    if (Files.exists(GATEWAY_JAR)) {
      throughTheGateway(source, expectedRows);
    } else {
      report.add("| (gateway runs skipped: " + GATEWAY_JAR + " not built) | | | | | |");
    }

    report.add("");
    report.add("| flush interval | rows | p50 ms | p99 ms | max ms |");
    report.add("| --- | ---: | ---: | ---: | ---: |");
    latency(function, Duration.ZERO);
    latency(function, Duration.ofSeconds(1));

    String text = String.join("\n", report);
    LOG.info("pipeline benchmark\n{}", text);
    Files.writeString(Path.of("target", "pipeline-bench.md"), text + "\n");
  }

  private PipelineConfigBuilder config(FunctionServer function, String source, String target) {
    return PipelineVerticle.configFor(bootstrap, function.baseUrl())
        .sourceTopic(source)
        .targetTopic(target)
        .groupId(KafkaNames.unique("bench"));
  }

  /**
   * Deploys, waits until {@code topic} holds {@code count} messages. Returns the wall time from
   * deployment and the steady time from the first output message to the last, in s.
   */
  private double[] drain(Deployable deployable, String topic, int count) throws Exception {
    long started = System.nanoTime();
    String id = vertx.deployVerticle(deployable).await();
    long[] first = new long[2];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              long written = kafka.endOffsets(topic, 1).get(0);
              if (written > 0 && first[0] == 0) {
                first[0] = System.nanoTime();
                first[1] = written;
              }
              return written >= count;
            });
    long done = System.nanoTime();
    vertx.undeploy(id).await();
    double steadySeconds = (done - first[0]) / 1e9 * count / (count - first[1]);
    return new double[] {(done - started) / 1e9, steadySeconds};
  }

  private void row(String run, double[] seconds, int messages, int rows) {
    report.add(
        String.format(
            Locale.ROOT,
            "| %s | %.2f | %.0f | %.0f | %.0f | %.0f |",
            run,
            seconds[0],
            messages / seconds[0],
            rows / seconds[0],
            messages / seconds[1],
            rows / seconds[1]));
  }

  /** The same backlog through the gateway jar in its own JVM: function URL, then Invoke API. */
  private void throughTheGateway(String source, int expectedRows) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Process gateway =
        new ProcessBuilder(
                "java",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-jar",
                GATEWAY_JAR.toString(),
                "--host=127.0.0.1",
                "--port=" + port,
                "--enricher-public-ip=" + FunctionServer.PUBLIC_IP)
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "bench-gateway.log").toFile())
            .start();
    try {
      if (!awaitListening(gateway, port)) {
        report.add(
            "| (gateway runs skipped: the jar did not start, see target/bench-gateway.log)"
                + " | | | | | |");
        return;
      }
      String url = "http://127.0.0.1:" + port;
      for (PipelineTarget target :
          List.of(PipelineTarget.FUNCTION_URL, PipelineTarget.INVOKE_API)) {
        String out = source + "." + target.name().toLowerCase(Locale.ROOT);
        SharedBroker.get().createTopic(out, 1);
        PipelineConfig config =
            PipelineVerticle.configFor(bootstrap, url)
                .target(target)
                .sourceTopic(source)
                .targetTopic(out)
                .groupId(KafkaNames.unique("bench"))
                .build();
        row(
            "pipeline → gateway jar ("
                + target.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ")",
            drain(PipelineVerticle.create(config), out, expectedRows),
            MESSAGES,
            expectedRows);
      }
    } finally {
      gateway.destroy();
      gateway.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Whether the child process listens on {@code port} within 30 s (false if it exits). */
  private static boolean awaitListening(Process process, int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return true;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    return false;
  }

  /** One row per message at a steady rate; latency = target write time - source write time. */
  private void latency(FunctionServer function, Duration flushInterval) throws Exception {
    String source = KafkaNames.unique("latency");
    String target = source + ".target";
    SharedBroker.get().createTopic(source, 1);
    SharedBroker.get().createTopic(target, 1);
    PipelineVerticle pipeline =
        PipelineVerticle.create(
            config(function, source, target).flushInterval(flushInterval).build());
    String id = vertx.deployVerticle(pipeline).await();
    await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.assignedPartitionCount() == 1);
    int count = LATENCY_RATE_PER_SECOND * LATENCY_SECONDS;
    long periodNanos = 1_000_000_000L / LATENCY_RATE_PER_SECOND;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      while (System.nanoTime() < start + i * periodNanos) {
        Thread.onSpinWait();
      }
      String row =
          "ts="
              + System.currentTimeMillis()
              + "&data={\"appid\":\"lat-"
              + i
              + "\",\"payload\":{},\"identity\":\"x\"}";
      kafka.produceOne(source, row.getBytes(StandardCharsets.UTF_8));
    }
    List<ConsumerRecord<byte[], byte[]>> written =
        kafka.readAll(target, count, Duration.ofSeconds(60));
    vertx.undeploy(id).await();
    assertThat(written).hasSize(count);
    List<Long> latencies = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : written) {
      JsonNode value = TransferJson.readTree(record.value());
      latencies.add(record.timestamp() - Long.parseLong(value.get("ts").asText()));
    }
    Collections.sort(latencies);
    report.add(
        String.format(
            Locale.ROOT,
            "| %d ms | %d | %d | %d | %d |",
            flushInterval.toMillis(),
            count,
            percentile(latencies, 50),
            percentile(latencies, 99),
            latencies.get(latencies.size() - 1)));
  }

  private static long percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
