package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rows parsed line by line out of one value")
class QueryRowLinesTest {

  @Test
  @DisplayName("Each row ends at its newline, empty rows and trailing separators included")
  void rowsEndAtTheirNewline() {
    byte[] value = bytes("ts=1&data={}\n\n?ts=2&\n?\nts=3&data=%7B%7D");
    List<String> rows = new ArrayList<>();
    List<String> ts = new ArrayList<>();
    for (int start = 0; start <= value.length; ) {
      QueryRow row = QueryRow.parse(value, start, value.length);
      rows.add(new String(value, start, row.end() - start, StandardCharsets.UTF_8));
      ts.add(row.ts());
      start = row.end() + 1;
    }

    assertThat(rows).containsExactly("ts=1&data={}", "", "?ts=2&", "?", "ts=3&data=%7B%7D");
    assertThat(ts).containsExactly("1", null, "2", null, "3");
  }

  @Test
  @DisplayName("A row's values are read only up to its newline")
  void valuesStopAtTheNewline() {
    byte[] value = bytes("data={\"a\":1}\nts=next");

    QueryRow row = QueryRow.parse(value, 0, value.length);

    assertThat(row.ts()).isNull();
    assertThat(
            new String(row.dataBytes(), row.dataOffset(), row.dataLength(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
    assertThat(row.end()).isEqualTo("data={\"a\":1}".length());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
