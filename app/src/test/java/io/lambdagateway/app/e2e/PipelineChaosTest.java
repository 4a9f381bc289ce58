package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.RowsRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE chaos test: the broker (this JVM), the gateway and the pipeline run as separate processes;
 * the pipeline is killed with SIGKILL several times while it works through a backlog and is
 * restarted at once with the same instance name, as a supervisor would. Checked: no row is missing
 * (at-least-once) and, with {@code --exactly-once}, a read_committed reader sees every row exactly
 * once. Recovery times (kill to the first new target write) are logged, not asserted: they are
 * measured by {@code bench/recovery/run.sh}, which runs this test with a larger backlog ({@code
 * -Dchaos.messages}, {@code -Dchaos.kills}, {@code -Dchaos.buffer-size}, {@code -Dlauncher.jar});
 * each run appends its figures to {@code target/pipeline-chaos/summary.txt}.
 */
@DisplayName("Chaos: the pipeline is killed with SIGKILL mid-stream and restarted")
class PipelineChaosTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineChaosTest.class);
  private static final String PUBLIC_IP = "203.0.113.7";
  private static final int MESSAGES = Integer.getInteger("chaos.messages", 2000);
  private static final int KILLS = Integer.getInteger("chaos.kills", 3);
  private static final String BUFFER_SIZE = System.getProperty("chaos.buffer-size", "32KB");
  private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);

  /** Kept after the run: the processes' own logs explain a failure or a slow recovery. */
  private static final Path LOGS = Path.of("target", "pipeline-chaos");

  private static LauncherProcess gateway;
  private static int gatewayPort;
  private final String bootstrap = SharedBroker.bootstrapServers();
  private LauncherProcess pipeline;

  @BeforeAll
  static void startGateway() throws Exception {
    Files.createDirectories(LOGS);
    gateway =
        LauncherProcess.start(
            LOGS,
            "gateway",
            List.of(
                "gateway",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--instances",
                "1",
                "--enricher-public-ip",
                PUBLIC_IP));
    gatewayPort = gateway.awaitListeningPort();
  }

  @AfterAll
  static void stopGateway() throws InterruptedException {
    if (gateway != null) {
      gateway.stop();
    }
  }

  @AfterEach
  void stopPipeline() throws InterruptedException {
    if (pipeline != null) {
      pipeline.kill();
    }
  }

  @Test
  @DisplayName("At-least-once: after the kills no row is missing")
  void atLeastOnce() throws Exception {
    Outcome outcome = run(false);

    assertThat(outcome.missing()).as("rows missing").isZero();
  }

  @Test
  @DisplayName("Exactly-once: after the kills a read_committed reader sees every row once")
  void exactlyOnce() throws Exception {
    Outcome outcome = run(true);

    assertThat(outcome.missing()).as("rows missing").isZero();
    assertThat(outcome.duplicates()).as("rows duplicated").isZero();
  }

  private Outcome run(boolean exactlyOnce) throws Exception {
    String source = KafkaNames.unique("chaos");
    String target = source + ".target";
    String group = KafkaNames.unique("chaos-group");
    SharedBroker.get().createTopic(source, 2);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(source + ".dlq", 1);
    List<String> messages = demoMessages();
    KafkaTestClients.produce(bootstrap, source, messages);
    List<JsonNode> expected = ExpectedRecords.of(messages, PUBLIC_IP);
    List<String> args = pipelineArgs(source, target, group, exactlyOnce);
    // In exactly-once mode a restart first writes the abort marker of the dead one's transaction.
    long markers = exactlyOnce ? 1 : 0;
    List<Long> recoveryMs = new ArrayList<>();

    try (TargetProgress progress = new TargetProgress(bootstrap, target, false)) {
      pipeline = LauncherProcess.start(LOGS, "pipeline", args);
      for (int kill = 1; kill <= KILLS; kill++) {
        awaitEnd(progress, expected.size() * (long) kill / (KILLS + 1));
        pipeline.kill();
        long killedAt = System.nanoTime();
        long endAtKill = progress.end();
        pipeline = LauncherProcess.start(LOGS, "pipeline", args);
        awaitEnd(progress, endAtKill + markers + 1);
        recoveryMs.add((System.nanoTime() - killedAt) / 1_000_000);
        LOG.info(
            "kill {} at target offset {}: recovered in {} ms",
            kill,
            endAtKill,
            recoveryMs.get(kill - 1));
      }
      awaitCommittedToEnd(group, source);
    }
    pipeline.stop();
    pipeline = null;

    List<String> written;
    try (TargetProgress reader = new TargetProgress(bootstrap, target, exactlyOnce)) {
      written = reader.readAll(expected.size(), PHASE_TIMEOUT);
    }
    Outcome outcome = Outcome.of(expected, ExpectedRecords.parse(written));
    String summary =
        String.format(
            "%s mode=%s messages=%d rows=%d buffer=%s kills=%d recoveryMs=%s missing=%d"
                + " duplicates=%d%n",
            Instant.now(),
            exactlyOnce ? "exactly-once" : "at-least-once",
            MESSAGES,
            expected.size(),
            BUFFER_SIZE,
            KILLS,
            recoveryMs,
            outcome.missing(),
            outcome.duplicates());
    LOG.info("chaos summary: {}", summary.strip());
    Files.writeString(
        LOGS.resolve("summary.txt"), summary, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return outcome;
  }

  private List<String> pipelineArgs(
      String source, String target, String group, boolean exactlyOnce) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "pipeline",
                "--bootstrap-servers",
                bootstrap,
                "--source-topic",
                source,
                "--target-topic",
                target,
                "--group-id",
                group,
                "--function-url",
                "http://127.0.0.1:" + gatewayPort,
                "--instance-name",
                "chaos-1",
                // small batches: many calls and transactions, so a kill lands mid-stream
                "--buffer-size",
                BUFFER_SIZE,
                "--flush-interval",
                "50ms"));
    if (exactlyOnce) {
      args.add("--exactly-once");
    }
    return args;
  }

  /** Waits until the target's end offset reached {@code atLeast}, the pipeline staying alive. */
  private void awaitEnd(TargetProgress progress, long atLeast) {
    await()
        .atMost(PHASE_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              pipeline.requireAlive();
              return progress.end() >= atLeast;
            });
  }

  private void awaitCommittedToEnd(String group, String source) {
    Map<Integer, Long> end = KafkaOffsets.end(bootstrap, source);
    await()
        .atMost(PHASE_TIMEOUT)
        .untilAsserted(
            () -> {
              pipeline.requireAlive();
              assertThat(KafkaOffsets.committed(bootstrap, group, source)).isEqualTo(end);
            });
  }

  private static List<String> demoMessages() {
    DemoMessages generator = new DemoMessages(9, new RowsRange(1, 4));
    List<String> values = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      values.add(generator.next());
    }
    return values;
  }

  /** Rows expected but not written, and rows written more often than expected. */
  record Outcome(long missing, long duplicates) {

    static Outcome of(List<JsonNode> expected, List<JsonNode> written) {
      Map<JsonNode, Long> wanted = counts(expected);
      Map<JsonNode, Long> got = counts(written);
      long missing = 0;
      for (Map.Entry<JsonNode, Long> row : wanted.entrySet()) {
        missing += Math.max(0, row.getValue() - got.getOrDefault(row.getKey(), 0L));
      }
      long duplicates = 0;
      for (Map.Entry<JsonNode, Long> row : got.entrySet()) {
        duplicates += Math.max(0, row.getValue() - wanted.getOrDefault(row.getKey(), 0L));
      }
      return new Outcome(missing, duplicates);
    }

    private static Map<JsonNode, Long> counts(List<JsonNode> rows) {
      return rows.stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
  }
}
