package io.lambdagateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("JsonLines")
class JsonLinesTest {

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(
            "compact JSON stays as it is",
            "{\"appid\":\"rand_id_1\",\"data\":{\"EMAIL\":\"a@b.c\"},\"ts\":\"1722183591238\"}",
            "{\"appid\":\"rand_id_1\",\"data\":{\"EMAIL\":\"a@b.c\"},\"ts\":\"1722183591238\"}"),
        Arguments.of(
            "pretty JSON becomes one line with key order kept",
            "{\n  \"z\": 1,\n  \"a\": [1, 2]\n}",
            "{\"z\":1,\"a\":[1,2]}"),
        Arguments.of(
            "number text is kept exactly",
            "{\"x\":0.10000000000000000555,\"big\":123456789012345678901234567890}",
            "{\"x\":0.10000000000000000555,\"big\":123456789012345678901234567890}"),
        Arguments.of(
            "non-JSON text becomes a JSON string", "ts=1&ip=x\nrow2", "\"ts=1&ip=x\\nrow2\""),
        Arguments.of("trailing garbage is not JSON", "{\"a\":1} tail", "\"{\\\"a\\\":1} tail\""),
        Arguments.of("an empty value is an empty string", "", "\"\""),
        Arguments.of("a tombstone is null", null, "null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  @DisplayName("A record value becomes exactly one line of JSON")
  void toLine(String description, String value, String expected) {
    assertThat(JsonLines.toLine(value)).isEqualTo(expected).doesNotContain("\n");
  }
}
