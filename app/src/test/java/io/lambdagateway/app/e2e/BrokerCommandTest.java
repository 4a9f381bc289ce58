package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.app.Main;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code broker} subcommand as users run it: a process of its own (this test's class path, the
 * launcher's main class), stopped by SIGTERM and restarted on the same data directory.
 */
@DisplayName("The broker subcommand")
class BrokerCommandTest {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String ADDRESS_PREFIX = "bootstrap.servers=";

  @TempDir Path workDir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  @DisplayName(
      "serves on the given port, stops on SIGTERM and serves the earlier records after a restart")
  void keepsItsDataAcrossASigtermRestart() throws Exception {
    int port = freePort();
    Path dataDir = workDir.resolve("kafka-data");
    String topic = KafkaNames.unique("broker-command");

    Process first = startBroker(port, dataDir, "first");
    String bootstrap = awaitAddress(first);
    assertThat(bootstrap).isEqualTo("127.0.0.1:" + port);
    assertThat(workDir.resolve("ready")).hasContent(ADDRESS_PREFIX + bootstrap);
    KafkaTestClients.produce(bootstrap, topic, List.of("one", "two"));
    assertThat(values(KafkaTestClients.consume(bootstrap, topic, 2, Duration.ofSeconds(30))))
        .containsExactly("one", "two");
    assertStopsOnSigterm(first);
    assertThat(workDir.resolve("ready")).doesNotExist();

    Process second = startBroker(port, dataDir, "second");
    try {
      assertThat(awaitAddress(second)).isEqualTo(bootstrap);
      assertThat(values(KafkaTestClients.consume(bootstrap, topic, 2, Duration.ofSeconds(30))))
          .containsExactly("one", "two");
    } finally {
      assertStopsOnSigterm(second);
    }
  }

  private Process startBroker(int port, Path dataDir, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "broker",
            "--port",
            String.valueOf(port),
            "--data-dir",
            dataDir.toString(),
            "--topic",
            "created-at-start:2",
            "--ready-file",
            workDir.resolve("ready").toString());
    // The broker logs to stderr; a file keeps the pipe from filling up and shows what failed.
    builder.redirectError(workDir.resolve(name + ".stderr.log").toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("BROKER_"));
    return builder.start();
  }

  /** The address the broker prints once it serves. */
  private String awaitAddress(Process broker) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
    while (System.nanoTime() < deadline) {
      String line = stdout.readLine();
      if (line == null) {
        throw new AssertionError(
            "broker exited (" + broker.waitFor() + ") before serving: " + stderrTail());
      }
      if (line.startsWith(ADDRESS_PREFIX)) {
        return line.substring(ADDRESS_PREFIX.length());
      }
    }
    throw new AssertionError("broker printed no address in " + START_TIMEOUT);
  }

  private static void assertStopsOnSigterm(Process broker) throws InterruptedException {
    broker.destroy(); // SIGTERM on Linux
    boolean exited = broker.waitFor(30, TimeUnit.SECONDS);
    if (!exited) {
      broker.destroyForcibly();
    }
    assertThat(exited).as("exited within 30 s of SIGTERM").isTrue();
    // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks, which closed the broker.
    assertThat(broker.exitValue()).isEqualTo(143);
  }

  private String stderrTail() throws IOException {
    try (var logs = Files.list(workDir)) {
      StringBuilder tail = new StringBuilder();
      for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
        List<String> lines = Files.readAllLines(log);
        tail.append(lines.subList(Math.max(0, lines.size() - 20), lines.size()));
      }
      return tail.toString();
    }
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
