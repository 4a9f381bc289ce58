package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs against a real HTTP server on 127.0.0.1, never against the internet. */
@DisplayName("Public address discovery")
class PublicAddressTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Far above any delay a loaded machine adds, so "well before it" proves no waiting. */
  private static final Duration LONG = Duration.ofSeconds(10);

  private final CountDownLatch releaseSlowAnswers = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stopServer() {
    releaseSlowAnswers.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("The address the service answers is used, trimmed")
  void serviceAnswerIsUsed() throws IOException {
    URI service = serve(200, "198.51.100.4\n", false);

    assertThat(PublicAddress.discover(service, TIMEOUT)).isEqualTo("198.51.100.4");
  }

  @Test
  @DisplayName("An answer that is not an IPv4 address falls back to a local IPv4 address")
  void garbageFallsBack() throws IOException {
    URI service = serve(200, "<html>hello</html>", false);

    assertThat(PublicAddress.discover(service, TIMEOUT)).isEqualTo(PublicAddress.localFallback());
  }

  @Test
  @DisplayName("An error status falls back")
  void errorStatusFallsBack() throws IOException {
    URI service = serve(503, "198.51.100.4", false);

    assertThat(PublicAddress.askService(service, TIMEOUT)).isEmpty();
  }

  @Test
  @DisplayName("A refused connection falls back without waiting for the timeout")
  void refusedConnectionFallsBackQuickly() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    long start = System.nanoTime();

    String address = PublicAddress.discover(URI.create("http://127.0.0.1:" + closedPort), LONG);

    assertThat(address).isEqualTo(PublicAddress.localFallback());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG.dividedBy(2));
  }

  @Test
  @DisplayName("A service slower than the timeout is abandoned at the timeout")
  void slowServiceTimesOut() throws IOException {
    URI service = serve(200, "198.51.100.4", true);
    long start = System.nanoTime();

    assertThat(PublicAddress.askService(service, Duration.ofMillis(300))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG.dividedBy(2));
  }

  @Test
  @DisplayName("The local fallback is an IPv4 address")
  void localFallbackIsIpv4() {
    assertThat(PublicAddress.localFallback()).matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  /** Serves one fixed answer; a slow server holds it until the test ends (at most LONG). */
  private URI serve(int status, String body, boolean slow) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            if (slow) {
              releaseSlowAnswers.await(LONG.toMillis(), TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }
}
