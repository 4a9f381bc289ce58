package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading the data JSON of a record's rows")
class DataReaderTest {

  private static final List<String> PLAIN =
      List.of(
          "{\"appid\":\"a\",\"payload\":{\"EMAIL\":\"1@gmail.com\",\"n\":[1,2.50]},\"identity\":\"i\"}",
          " { \"payload\" : [ {} , [] ] , \"appid\" : null } ",
          "{}",
          "{\"identity\":\"x\",\"extra\":{\"deep\":[{\"k\":\"v\"}]},\"identity\":\"last wins\"}");

  @Test
  @DisplayName("Plain rows are read by the one fed parser, row after row, as a lone parser would")
  void plainRowsTakeTheFedPath() throws BadRowException {
    try (DataReader reader = new DataReader()) {
      for (int round = 0; round < 2; round++) {
        for (String json : PLAIN) {
          QueryRow row = dataRow(json);

          DataReader.DataFields fed = reader.readFed(row);

          assertThat(fed).as(json).isNotNull();
          assertSameFields(fed, DataReader.readAlone(dataRow(json)));
        }
      }
    }
  }

  @Test
  @DisplayName("Other rows leave the fed path, and the next plain row is still read fast")
  void irregularRowsFallBack() throws BadRowException {
    try (DataReader reader = new DataReader()) {
      for (String irregular :
          List.of("{\"appid\":7}", "{\"payload\":{\"a\":1}", "{} {}", "[1]", "{\"a\":tru}", "")) {
        assertThat(reader.readFed(dataRow(irregular))).as(irregular).isNull();
        assertThat(reader.readFed(dataRow(PLAIN.get(0)))).isNotNull();
      }
    }
  }

  @Test
  @DisplayName("read() answers irregular rows as a lone parser does, error messages included")
  void readFallsBackToTheLoneParser() throws BadRowException {
    try (DataReader reader = new DataReader()) {
      assertThat(reader.read(dataRow("{\"appid\":7}")).appid.intValue()).isEqualTo(7);
      assertThatThrownBy(() -> reader.read(dataRow("{\"payload\":{\"a\":1}")))
          .isInstanceOf(BadRowException.class)
          .hasMessage(
              "'data' is not JSON: Unexpected end-of-input: expected close marker for " + "Object");
      assertThatThrownBy(() -> reader.read(dataRow("{} {}")))
          .hasMessage("'data' is not JSON: content after the object");
    }
  }

  private static void assertSameFields(
      DataReader.DataFields actual, DataReader.DataFields expected) {
    assertThat(actual.appid).isEqualTo(expected.appid);
    assertThat(actual.identity).isEqualTo(expected.identity);
    assertThat(actual.payload).isEqualTo(expected.payload);
    assertThat(actual.payload.toString()).isEqualTo(expected.payload.toString());
  }

  /** A row whose data sits in the middle of a larger buffer, as in a real value. */
  private static QueryRow dataRow(String json) {
    byte[] buffer = ("ts=1&data=" + json + "\nnext").getBytes(StandardCharsets.UTF_8);
    return QueryRow.parse(buffer, 0, buffer.length - "\nnext".length());
  }
}
