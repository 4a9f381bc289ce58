package io.lambdagateway.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.consumer.ConsumeCommand;
import io.lambdagateway.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("produce and consume with Kafka away")
class KafkaAwayTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  @Test
  @DisplayName("produce against a closed port prints one line and exits with 1 within the timeout")
  void produce() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    long start = System.nanoTime();

    int exit = run(new ProduceCommand(stream()), "-b", address, "-t", "x", "-n", "1");

    assertAway(exit, address, start);
  }

  @Test
  @DisplayName("consume against a closed port prints one line and exits with 1 instead of waiting")
  void consume() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    long start = System.nanoTime();

    int exit = run(new ConsumeCommand(stream(), stream()), "-b", address, "-t", "x");

    assertAway(exit, address, start);
  }

  @Test
  @DisplayName("produce --input of a missing file is a usage error before any connection")
  void missingInput() throws IOException {
    String address = "127.0.0.1:" + closedPort();

    int exit =
        run(new ProduceCommand(stream()), "-b", address, "-t", "x", "--input", "/nonexistent.txt");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "produce: invalid value for --input (env PRODUCE_INPUT): '/nonexistent.txt': a"
                + " readable file, or '-' for stdin; try 'produce --help'\n");
  }

  private void assertAway(int exit, String address, long start) {
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("cannot reach Kafka at " + address + " (connection refused)\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  private int run(Object command, String... args) {
    String[] withTimeout = new String[args.length + 2];
    System.arraycopy(args, 0, withTimeout, 0, args.length);
    withTimeout[args.length] = "--kafka-timeout";
    withTimeout[args.length + 1] = "2s";
    return Settings.commandLine(command, Map.of())
        .setErr(new PrintWriter(err, true))
        .execute(withTimeout);
  }

  private PrintStream stream() {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
