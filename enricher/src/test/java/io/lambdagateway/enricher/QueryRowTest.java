package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were checked against Node.js 18's URLSearchParams.get("ts"). */
@DisplayName("A row read with URLSearchParams rules")
class QueryRowTest {

  static Stream<Arguments> tsCases() {
    return Stream.of(
        Arguments.of("ts=2024-06-20T21:06:48Z&ip=FILL_ME", "2024-06-20T21:06:48Z"),
        Arguments.of("ts=a+b%20c", "a b c"),
        Arguments.of("ts=%zz%4", "%zz%4"),
        Arguments.of("t%73=x", "x"),
        Arguments.of("ts", ""),
        Arguments.of("ts==a", "=a"),
        Arguments.of("ts=caf%C3%A9", "café"),
        Arguments.of("ts=%FF", "\uFFFD"),
        Arguments.of("&&ts=a&", "a"),
        Arguments.of("?ts=q", "q"),
        Arguments.of("??ts=q", null),
        Arguments.of("ts=1&ts=2", "1"),
        Arguments.of("ts=%2B", "+"),
        Arguments.of("ip=1.2.3.4", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("tsCases")
  @DisplayName("ts is decoded as the browser decodes it")
  void tsIsDecodedLikeTheBrowser(String row, String expectedTs) {
    assertThat(parse(row).ts()).isEqualTo(expectedTs);
  }

  @Test
  @DisplayName("Raw JSON in data is read in place, without a copy")
  void rawDataIsNotCopied() {
    byte[] buffer = bytes("xx\nts=1&data={\"a\":1}\nyy");
    QueryRow row = QueryRow.parse(buffer, 3, buffer.length - 3);

    assertThat(row.dataBytes()).isSameAs(buffer);
    assertThat(data(row)).isEqualTo("{\"a\":1}");
  }

  @Test
  @DisplayName("Percent-encoded JSON in data is decoded, %2B and %26 included")
  void encodedDataIsDecoded() {
    QueryRow row = parse("data=%7B%22a%22%3A%22x%26y%2Bz%22%7D");

    assertThat(data(row)).isEqualTo("{\"a\":\"x&y+z\"}");
  }

  @Test
  @DisplayName("An & inside raw JSON cuts data, as URLSearchParams does")
  void ampersandCutsRawData() {
    QueryRow row = parse("ts=1&data={\"note\":\"fish & chips\"}");

    assertThat(data(row)).isEqualTo("{\"note\":\"fish ");
  }

  @Test
  @DisplayName("A + inside raw JSON reads as a space, as URLSearchParams does")
  void plusInRawDataIsASpace() {
    QueryRow row = parse("data={\"phone\":\"+1 555\"}");

    assertThat(data(row)).isEqualTo("{\"phone\":\" 1 555\"}");
  }

  @Test
  @DisplayName("The first data parameter wins and an empty data is still present")
  void firstDataWins() {
    assertThat(data(parse("data=1&data=2"))).isEqualTo("1");
    assertThat(parse("data=").hasData()).isTrue();
    assertThat(parse("ts=1").hasData()).isFalse();
  }

  private static QueryRow parse(String row) {
    byte[] buffer = bytes(row);
    return QueryRow.parse(buffer, 0, buffer.length);
  }

  private static String data(QueryRow row) {
    return new String(row.dataBytes(), row.dataOffset(), row.dataLength(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
