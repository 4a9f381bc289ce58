package io.lambdagateway.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DemoMessages")
class DemoMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("The same seed gives the same messages and another seed different ones")
  void deterministic() {
    assertThat(take(new DemoMessages(42, RowsRange.DEMO), 20))
        .isEqualTo(take(new DemoMessages(42, RowsRange.DEMO), 20))
        .isNotEqualTo(take(new DemoMessages(43, RowsRange.DEMO), 20));
  }

  @Test
  @DisplayName(
      "Every message has a row count within the configured range, and the range is covered")
  void rowsWithinRange() {
    DemoMessages messages = new DemoMessages(7, new RowsRange(3, 6));
    List<Integer> counts =
        IntStream.range(0, 400).mapToObj(i -> messages.next().split("\n", -1).length).toList();

    assertThat(counts).allSatisfy(n -> assertThat(n).isBetween(3, 6));
    assertThat(counts).contains(3, 4, 5, 6);
  }

  @Test
  @DisplayName(
      "Every row is a query string with ts, ip, useragent and JSON data holding appid, payload and identity")
  void rowsParse() throws Exception {
    for (String message : take(new DemoMessages(1, RowsRange.DEMO), 30)) {
      assertThat(message).doesNotEndWith("\n");
      for (String row : message.split("\n", -1)) {
        Map<String, String> fields = parseQuery(row);
        assertThat(fields).containsOnlyKeys("ts", "ip", "useragent", "data");
        assertThat(Instant.parse(fields.get("ts"))).isAfterOrEqualTo(DemoMessages.BASE_TIME);
        assertThat(fields.get("ip")).isEqualTo("FILL_ME");
        assertThat(fields.get("useragent")).isNotBlank();
        JsonNode data = JSON.readTree(fields.get("data"));
        assertThat(data.get("appid").asText()).startsWith("rand_id_");
        assertThat(data.get("payload").isObject()).isTrue();
        assertThat(data.get("payload").get("EMAIL").asText()).contains("@");
        assertThat(data.get("payload").get("MOBILE").asText()).matches("\\d{3}-\\d{3}-\\d{4}");
        assertThat(data.get("identity").asText()).endsWith("@example.com");
      }
    }
  }

  @Test
  @DisplayName("A rows range parses from 'MIN..MAX' or 'N' and rejects an empty or inverted range")
  void rowsRangeParsing() {
    assertThat(RowsRange.parse("1..100")).isEqualTo(RowsRange.DEMO);
    assertThat(RowsRange.parse("5")).isEqualTo(new RowsRange(5, 5));
    assertThatThrownBy(() -> RowsRange.parse("0..3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowsRange.parse("9..3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowsRange.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> take(DemoMessages messages, int count) {
    return IntStream.range(0, count).mapToObj(i -> messages.next()).toList();
  }

  /** Splits on '&' and then on the first '=', as the enricher reads the public producer's rows. */
  private static Map<String, String> parseQuery(String row) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : row.split("&")) {
      int eq = pair.indexOf('=');
      assertThat(eq).as("'=' in %s", pair).isPositive();
      assertThat(fields.put(pair.substring(0, eq), pair.substring(eq + 1)))
          .as("duplicate key")
          .isNull();
    }
    return fields;
  }
}
