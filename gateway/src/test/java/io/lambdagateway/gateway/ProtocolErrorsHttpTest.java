package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Requests Netty decodes but the gateway must refuse: each a JSON 4xx and one log line at most. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Protocol errors: bad escapes, bad encodings, ambiguous framing, HEAD /health")
class ProtocolErrorsHttpTest {

  private static final String INVOKE = "/2015-03-31/functions/probe/invocations";
  private static final int LOG_LINES = 5;

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("GATEWAY_CLIENT_ERROR_LOG_LINES", "" + LOG_LINES));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName(
      "a bad percent-escape in the Invoke path is a 400 ValidationException; the connection stays usable")
  void refusesBadEscapeInInvokePath() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response bad =
          http.send(post("/2015-03-31/functions/%ZZ/invocations", "", "{}")).read();
      RawHttp.Response next = http.send(post(INVOKE, "", "{\"return\":7}")).read();

      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.header("x-amzn-errortype")).isEqualTo("ValidationException");
      assertThat(json(bad).get("message").asText()).contains("bad percent-escape");
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("7");
    }
  }

  @Test
  @DisplayName("a bad percent-escape in a function-URL path (a lone %) is a JSON 400 too")
  void refusesBadEscapeInFunctionUrlPath() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response bad = http.send("GET /probe/50% HTTP/1.1\r\nHost: x\r\n\r\n").read();

      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.header("content-type")).isEqualTo("application/json");
    }
  }

  @Test
  @DisplayName("a bad percent-escape in the query string is a JSON 400, not the router's default")
  void refusesBadEscapeInQuery() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response bad = http.send(post(INVOKE + "?Qualifier=%ZZ", "", "{}")).read();

      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
    }
  }

  @Test
  @DisplayName("a body that is not valid gzip or deflate is a 400 InvalidRequestContentException")
  void refusesUndecodableBodies() throws IOException {
    for (String encoding : new String[] {"gzip", "deflate"}) {
      try (RawHttp http = new RawHttp(gateway.port())) {
        RawHttp.Response bad =
            http.send(post(INVOKE, "Content-Encoding: " + encoding + "\r\n", "not compressed"))
                .read();

        assertThat(bad.status()).as(encoding).isEqualTo(400);
        assertThat(bad.header("x-amzn-errortype")).isEqualTo("InvalidRequestContentException");
        assertThat(json(bad).get("message").asText()).contains(encoding);
      }
    }
  }

  @Test
  @DisplayName("gzip, zlib deflate and raw deflate bodies reach the function inflated")
  void inflatesBodies() throws IOException {
    byte[] event = "{\"return\":\"inflated\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> bodies =
        Map.of(
            "gzip", gzip(event),
            "deflate", deflate(event, false),
            "x-deflate", deflate(event, true));
    for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
      try (RawHttp http = new RawHttp(gateway.port())) {
        RawHttp.Response ok =
            http.send(postBytes(INVOKE, "Content-Encoding: " + body.getKey(), body.getValue()))
                .read();

        assertThat(ok.status()).as(body.getKey()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("\"inflated\"");
      }
    }
  }

  @Test
  @DisplayName("a gzip body that inflates past the payload limit is a 413, never inflated whole")
  void refusesGzipBombs() throws IOException {
    byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response tooLarge =
          http.send(postBytes(INVOKE, "Content-Encoding: gzip", bomb)).read();

      assertThat(bomb.length).isLessThan(64 * 1024);
      assertThat(tooLarge.status()).isEqualTo(413);
      assertThat(tooLarge.header("x-amzn-errortype")).isEqualTo("RequestTooLargeException");
    }
  }

  @Test
  @DisplayName(
      "Content-Length together with Transfer-Encoding is a 400 and the connection is closed")
  void refusesAmbiguousFraming() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response bad =
          http.send(
                  "POST "
                      + INVOKE
                      + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
              .read();

      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.header("connection")).isEqualTo("close");
      assertThat(json(bad).get("message").asText()).contains("Transfer-Encoding");
      assertThat(http.closedWithin(2000)).isTrue();
    }
  }

  @Test
  @DisplayName("a later request of a keep-alive connection with both framings is refused too")
  void refusesAmbiguousFramingOnKeptAliveConnection() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response first = http.send(post(INVOKE, "", "{\"return\":1}")).read();
      RawHttp.Response bad =
          http.send(
                  "POST "
                      + INVOKE
                      + " HTTP/1.1\r\nHost: x\r\ntransfer-encoding: chunked\r\n"
                      + "CONTENT-LENGTH: 5\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
              .read();

      assertThat(first.status()).isEqualTo(200);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(http.closedWithin(2000)).isTrue();
    }
  }

  @Test
  @DisplayName("HEAD /health is 200 without a body")
  void answersHeadHealth() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response head = http.send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n").read();

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  @DisplayName("1,000 bad requests write at most the configured lines to the log, no stack trace")
  void boundsTheLogOfBadRequests() throws IOException {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    appender.start();
    root.addAppender(appender);
    try (RawHttp http = new RawHttp(gateway.port())) {
      for (int i = 0; i < 1000; i++) {
        String path =
            switch (i % 3) {
              case 0 -> "/2015-03-31/functions/%ZZ/invocations";
              case 1 -> INVOKE + "?Qualifier=%G" + i;
              default -> "/probe/%G" + i;
            };
        assertThat(http.send(post(path, "", "{}")).read().status()).isEqualTo(400);
      }
    } finally {
      root.detachAppender(appender);
    }

    assertThat(appender.list)
        .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .hasSizeLessThanOrEqualTo(LOG_LINES)
        .allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
  }

  private static String post(String path, String headers, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: x\r\n"
        + headers
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  private static byte[] postBytes(String path, String header, byte[] body) {
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: x\r\n"
                + header
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private static JsonNode json(RawHttp.Response response) {
    return Http.json(response.body());
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(9, raw))) {
      deflate.write(bytes);
    }
    return out.toByteArray();
  }
}
