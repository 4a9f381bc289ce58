package io.lambdagateway.gateway.http.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Mapping a function's result to the function-URL response")
class FunctionUrlResponseTest {

  private static final Map.Entry<String, String> JSON =
      Map.entry("content-type", "application/json");

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("{\"Records\":[]}", 200, List.of(JSON), "{\"Records\":[]}"),
        Arguments.of("\"Hello, world!\"", 200, List.of(JSON), "\"Hello, world!\""),
        Arguments.of("[1,2]", 200, List.of(JSON), "[1,2]"),
        Arguments.of("null", 200, List.of(JSON), "null"),
        Arguments.of("{\"body\":\"x\"}", 200, List.of(JSON), "{\"body\":\"x\"}"),
        Arguments.of("{\"statusCode\":204}", 204, List.of(JSON), ""),
        Arguments.of("{\"status\\u0043ode\":201,\"body\":\"esc\"}", 201, List.of(JSON), "esc"),
        Arguments.of(
            "{\"Records\":[{\"statusCode\":1}]}",
            200,
            List.of(JSON),
            "{\"Records\":[{\"statusCode\":1}]}"),
        Arguments.of(
            "{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true,"
                + "\"headers\":{\"Content-Type\":\"text/plain\"}}",
            200,
            List.of(Map.entry("Content-Type", "text/plain")),
            "hi"),
        Arguments.of(
            "{\"statusCode\":302,\"headers\":{\"Location\":\"/x\"},"
                + "\"cookies\":[\"a=1\",\"b=2; Secure\"]}",
            302,
            List.of(
                Map.entry("Location", "/x"),
                JSON,
                Map.entry("set-cookie", "a=1"),
                Map.entry("set-cookie", "b=2; Secure")),
            ""),
        Arguments.of(
            "{\"statusCode\":200,\"body\":{\"nested\":true}}",
            200,
            List.of(JSON),
            "{\"nested\":true}"),
        Arguments.of(
            "{\"statusCode\":\"abc\"}",
            502,
            List.of(JSON),
            "{\"Message\":\"Internal Server Error\"}"),
        Arguments.of(
            "{\"statusCode\":99}", 502, List.of(JSON), "{\"Message\":\"Internal Server Error\"}"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("results")
  @DisplayName("structured results are unpacked, anything else is the JSON body of a 200")
  void mapsResults(
      String payload, int status, List<Map.Entry<String, String>> headers, String body) {
    UrlReply reply = FunctionUrlResponse.fromPayload(payload.getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.headers()).containsExactlyElementsOf(headers);
    assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(body);
  }
}
