package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one connection and all requests together may hold: memory grows with bytes received, the
 * gateway-wide body budget, the header deadline, the minimum body rate and HTTP/2's stream limit.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Connection and memory budgets")
class ConnectionBudgetsHttpTest {

  private static final String INVOKE = "/2015-03-31/functions/probe/invocations";

  /**
   * Each test starts a gateway of its own settings; the first start in a JVM loads native libraries
   * on an event loop, which must not count as a blocked loop of a test.
   */
  @BeforeAll
  static void warmUp() {
    TestGateway.start(Map.of("GATEWAY_HTTP2", "true")).close();
  }

  @Test
  @DisplayName("40 connections declaring 6 MB and sending 10 bytes hold 400 bytes, not 240 MB")
  void doesNotPreallocateDeclaredLengths() throws IOException {
    try (TestGateway gateway = TestGateway.start()) {
      long before = usedHeapAfterGc();
      List<RawHttp> connections = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          connections.add(new RawHttp(gateway.port()).send(head(INVOKE, 6_000_000) + "0123456789"));
        }
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> gateway.gateway.bodyBytesInFlight() == 400);
        long grown = usedHeapAfterGc() - before;

        assertThat(grown).as("heap growth in bytes").isLessThan(48L * 1024 * 1024);
      } finally {
        for (RawHttp connection : connections) {
          connection.close();
        }
      }
      await()
          .atMost(Duration.ofSeconds(5))
          .alias("closed connections give their bytes back")
          .until(() -> gateway.gateway.bodyBytesInFlight() == 0);
    }
  }

  @Test
  @DisplayName("a body that would pass the budget is a 429 with Retry-After; the budget comes back")
  void refusesBodiesOverTheBudget() throws IOException {
    Map<String, String> settings =
        Map.of("GATEWAY_MAX_BODY_BYTES_IN_FLIGHT", "1MiB", "GATEWAY_MIN_BODY_RATE", "0");
    try (TestGateway gateway = TestGateway.start(settings)) {
      String pad = "x".repeat(100_000);
      try (RawHttp holder = new RawHttp(gateway.port())) {
        holder.send(head(INVOKE, 2_000_000) + "y".repeat(1_000_000));
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> gateway.gateway.bodyBytesInFlight() == 1_000_000);

        try (RawHttp api = new RawHttp(gateway.port());
            RawHttp url = new RawHttp(gateway.port())) {
          RawHttp.Response throttled = api.send(post(INVOKE, pad)).read();
          RawHttp.Response urlThrottled = url.send(post("/probe", pad)).read();

          assertThat(throttled.status()).isEqualTo(429);
          assertThat(throttled.header("x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
          assertThat(throttled.header("Retry-After")).isEqualTo("1");
          assertThat(Http.json(throttled.body()).get("Reason").asText())
              .isEqualTo("ConcurrentRequestBytesLimitExceeded");
          assertThat(api.closedWithin(2000)).isTrue();
          assertThat(urlThrottled.status()).isEqualTo(429);
          assertThat(urlThrottled.header("Retry-After")).isEqualTo("1");
        }
        assertThat(gateway.gateway.bodyBytesInFlight()).isEqualTo(1_000_000);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> gateway.gateway.bodyBytesInFlight() == 0);

      assertThat(
              Http.post(gateway.uri(INVOKE), "{\"return\":1,\"pad\":\"" + pad + "\"}").statusCode())
          .isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(5))
          .alias("an answered request gives its bytes back")
          .until(() -> gateway.gateway.bodyBytesInFlight() == 0);
    }
  }

  @Test
  @DisplayName("a body sent at 50 bytes/s (minimum 1 KiB/s over 1 s) is a 408 within seconds")
  void closesSlowBodies() throws IOException {
    Map<String, String> settings =
        Map.of("GATEWAY_MIN_BODY_RATE", "1KiB/s", "GATEWAY_BODY_RATE_WINDOW", "1s");
    try (TestGateway gateway = TestGateway.start(settings);
        RawHttp slow = new RawHttp(gateway.port())) {
      long start = System.nanoTime();
      slow.send(head(INVOKE, 100_000));
      while (!slow.hasInput() && elapsedMillis(start) < 5000) {
        slow.send("0123456789");
        sleep(200);
      }
      RawHttp.Response tooSlow = slow.read();

      assertThat(elapsedMillis(start)).isLessThan(3500);
      assertThat(tooSlow.status()).isEqualTo(408);
      assertThat(tooSlow.header("Connection")).isEqualTo("close");
      assertThat(slow.closedWithin(2000)).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> gateway.gateway.bodyBytesInFlight() == 0);
    }
  }

  @Test
  @DisplayName(
      "headers sent a byte at a time, or never, close the connection at the header deadline")
  void closesSlowHeaders() throws IOException {
    try (TestGateway gateway = TestGateway.start(Map.of("GATEWAY_HEADER_TIMEOUT", "1s"));
        RawHttp slow = new RawHttp(gateway.port());
        RawHttp silent = new RawHttp(gateway.port())) {
      long start = System.nanoTime();
      slow.send("POST " + INVOKE + " HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      boolean closed = false;
      while (!closed && elapsedMillis(start) < 6000) {
        slow.send("a");
        closed = slow.closedWithin(200);
      }

      assertThat(closed).isTrue();
      assertThat(elapsedMillis(start)).isLessThan(3000);
      assertThat(silent.closedWithin(2000)).as("a connection that never sends").isTrue();
    }
  }

  @Test
  @DisplayName(
      "an idle keep-alive connection outlives the header deadline and serves its next call")
  void keepsIdleConnectionsPastTheHeaderDeadline() throws IOException {
    try (TestGateway gateway = TestGateway.start(Map.of("GATEWAY_HEADER_TIMEOUT", "1s"));
        RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response first = http.send(post(INVOKE, "{\"return\":1}")).read();
      sleep(1500);
      RawHttp.Response second = http.send(post(INVOKE, "{\"return\":2}")).read();

      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo("2");
    }
  }

  @Test
  @DisplayName("with HTTP/2 on, a connection may open the configured number of streams")
  void boundsHttp2Streams() throws TimeoutException {
    Vertx client = Vertx.vertx();
    Map<String, String> settings =
        Map.of("GATEWAY_HTTP2", "true", "GATEWAY_HTTP2_MAX_STREAMS", "7");
    try (TestGateway gateway = TestGateway.start(settings)) {
      HttpClientAgent http2 =
          client.createHttpClient(
              new HttpClientOptions()
                  .setProtocolVersion(HttpVersion.HTTP_2)
                  .setHttp2ClearTextUpgrade(false));
      long maxStreams =
          http2
              .request(HttpMethod.GET, gateway.port(), "127.0.0.1", "/health")
              .compose(
                  request ->
                      request
                          .send()
                          .compose(
                              response ->
                                  response
                                      .body()
                                      .map(
                                          body ->
                                              request
                                                  .connection()
                                                  .remoteSettings()
                                                  .getMaxConcurrentStreams())))
              .await(10, TimeUnit.SECONDS);

      assertThat(maxStreams).isEqualTo(7);
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static String head(String path, long contentLength) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + contentLength + "\r\n\r\n";
  }

  private static String post(String path, String body) {
    return head(path, body.getBytes(StandardCharsets.UTF_8).length) + body;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
