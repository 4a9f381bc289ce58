package io.lambdagateway.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.settings.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("demo output")
class DemoOutputTest {

  @Test
  @DisplayName("the default token is shown as it is; another one is masked and named $DEMO_TOKEN")
  void token() {
    String url = "http://127.0.0.1:8080/enricher?integration=raw";

    assertThat(DemoStatus.shownToken("demo-token")).startsWith("demo-token (the default");
    assertThat(DemoStatus.curlLine(url, "demo-token"))
        .isEqualTo(
            "curl -s '"
                + url
                + "' -H 'Content-Type: application/json' -H \"Authorization: Bearer demo-token\""
                + " -d '{\"Records\":[]}'");
    assertThat(DemoStatus.shownToken("very-secret-value"))
        .isEqualTo("ve******** (from DEMO_TOKEN)")
        .doesNotContain("secret");
    assertThat(DemoStatus.shownToken("abc")).startsWith("*** ");
    assertThat(DemoStatus.curlLine(url, "very-secret-value"))
        .contains("-H \"Authorization: Bearer $DEMO_TOKEN\"")
        .doesNotContain("secret");
  }

  @Test
  @DisplayName("a status line gives produced, enriched, lag and the rows per second since the last")
  void statusLine() {
    DemoProgress first = new DemoProgress(10, 40, 3, 0);
    DemoProgress second = new DemoProgress(20, 140, 0, Duration.ofSeconds(4).toNanos());

    assertThat(second.statusLine(first))
        .isEqualTo("produced 20 messages, enriched 140 records (25.0 rows/s), lag 0");
  }

  @Test
  @DisplayName("demo -b with Kafka away prints one line and exits with 1 within --kafka-timeout")
  void kafkaAway() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    StringWriter err = new StringWriter();
    long start = System.nanoTime();

    int exit =
        Settings.commandLine(new DemoCommand(), Map.of())
            .setErr(new PrintWriter(err, true))
            .execute("-b", "127.0.0.1:" + port, "--kafka-timeout", "2s");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("cannot reach Kafka at 127.0.0.1:" + port + " (connection refused)\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
