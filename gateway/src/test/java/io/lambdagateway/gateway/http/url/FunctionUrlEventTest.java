package io.lambdagateway.gateway.http.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Building the function-URL event (payload format 2.0)")
class FunctionUrlEventTest {

  private static final Instant TIME = Instant.parse("2024-06-20T21:06:48.123Z");

  private static UrlRequest request(
      String query, List<Map.Entry<String, String>> headers, byte[] body) {
    return new UrlRequest(
        "POST",
        "/enricher/x",
        query,
        headers,
        body,
        "HTTP/1.1",
        "10.0.0.1",
        "req-1",
        TIME,
        "enricher");
  }

  @Test
  @DisplayName("the fixed fields and the request context follow the 2.0 format")
  void buildsTheEnvelope() {
    ObjectNode event =
        FunctionUrlEvent.build(
            request(
                "",
                List.of(Map.entry("Host", "gw:8080"), Map.entry("User-Agent", "ua")),
                new byte[0]));

    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("$default");
    assertThat(event.get("rawQueryString").asText()).isEmpty();
    assertThat(event.has("queryStringParameters")).isFalse();
    assertThat(event.has("cookies")).isFalse();
    assertThat(event.has("body")).isFalse();
    ObjectNode context = (ObjectNode) event.get("requestContext");
    assertThat(context.get("time").asText()).isEqualTo("20/Jun/2024:21:06:48 +0000");
    assertThat(context.get("timeEpoch").asLong()).isEqualTo(TIME.toEpochMilli());
    assertThat(context.get("domainName").asText()).isEqualTo("gw:8080");
    assertThat(context.get("apiId").asText()).isEqualTo("enricher");
    assertThat(context.get("requestId").asText()).isEqualTo("req-1");
    assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("10.0.0.1");
    assertThat(context.get("http").get("userAgent").asText()).isEqualTo("ua");
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("a=1", Map.of("a", "1")),
        Arguments.of("a=1&a=2", Map.of("a", "1,2")),
        Arguments.of("integration=raw", Map.of("integration", "raw")),
        Arguments.of("q=x%20y&flag", Map.of("q", "x y", "flag", "")),
        Arguments.of("k=%E2%82%AC", Map.of("k", "€")));
  }

  @ParameterizedTest(name = "?{0}")
  @MethodSource("queries")
  @DisplayName("query parameters are decoded and repeated keys comma-joined")
  void parsesQueries(String query, Map<String, String> expected) {
    assertThat(FunctionUrlEvent.queryParameters(query)).isEqualTo(expected);
  }

  @Test
  @DisplayName("header names are lower-cased, repeats comma-joined, cookies moved out")
  void mapsHeaders() {
    ObjectNode event =
        FunctionUrlEvent.build(
            request(
                "",
                List.of(
                    Map.entry("X-Multi", "a"), Map.entry("x-multi", "b"),
                    Map.entry("Cookie", "s=1; t=2"), Map.entry("Cookie", "u=3")),
                new byte[0]));

    assertThat(event.get("headers").get("x-multi").asText()).isEqualTo("a,b");
    assertThat(event.get("headers").has("cookie")).isFalse();
    assertThat(event.get("cookies").toString()).isEqualTo("[\"s=1\",\"t=2\",\"u=3\"]");
  }

  @ParameterizedTest(name = "{0} → base64 {2}")
  @CsvSource({
    "application/json, '{\"a\":1}', false",
    "text/plain; charset=utf-8, hello, false",
    "application/x-www-form-urlencoded, a=1&b=2, false",
    "application/xml, <a/>, false",
    "application/octet-stream, hello, true",
    "image/png, hello, true"
  })
  @DisplayName("textual content types stay text, others are base64")
  void encodesBodies(String contentType, String body, boolean base64) {
    ObjectNode event =
        FunctionUrlEvent.build(
            request(
                "",
                List.of(Map.entry("Content-Type", contentType)),
                body.getBytes(StandardCharsets.UTF_8)));

    assertThat(event.get("isBase64Encoded").asBoolean()).isEqualTo(base64);
    assertThat(event.get("body").asText())
        .isEqualTo(
            base64
                ? java.util.Base64.getEncoder()
                    .encodeToString(body.getBytes(StandardCharsets.UTF_8))
                : body);
  }

  @Test
  @DisplayName("bytes that are not UTF-8 are base64 even with a textual content type")
  void encodesInvalidUtf8() {
    ObjectNode event =
        FunctionUrlEvent.build(
            request(
                "",
                List.of(Map.entry("Content-Type", "application/json")),
                new byte[] {(byte) 0xc3, (byte) 0x28}));

    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.get("body").asText()).isEqualTo("wyg=");
  }
}
