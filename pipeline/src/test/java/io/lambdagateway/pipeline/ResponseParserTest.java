package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.pipeline.RecordResult.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

  private final ResponseParser parser = new ResponseParser();

  private static byte[] body(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("Ok, Split, Dropped and ProcessingFailed results are read in order")
  void allResults() {
    String response = "{\"Records\":["
      + "{\"eventID\":\"1.0\",\"result\":\"Ok\",\"cdc\":{\"kind\":\"insert\",\"commitTime\":18446744073709551615}},"
      + "{\"eventID\":\"2.0\",\"result\":\"Split\",\"cdc_split\":[{\"kind\":\"insert\"},{\"kind\":\"insert\"}]},"
      + "{\"result\":\"Dropped\"},"
      + "{\"eventID\":\"4.0\",\"result\":\"ProcessingFailed\",\"error\":\"row 2: bad query string\"}]}";

    List<RecordResult> results = parser.parse(body(response), List.of("1.0", "2.0", "3.0", "4.0"));

    assertThat(results).extracting(RecordResult::status)
      .containsExactly(Status.OK, Status.SPLIT, Status.DROPPED, Status.PROCESSING_FAILED);
    assertThat(results.get(0).items().get(0).get("commitTime").asText())
      .isEqualTo("18446744073709551615");
    assertThat(results.get(1).items()).hasSize(2);
    assertThat(results.get(2).items()).isEmpty();
    assertThat(results.get(3).error()).isEqualTo("row 2: bad query string");
  }

  @Test
  @DisplayName("A third-party function's cdc_splitted list is accepted; an empty split is valid")
  void cdcSplitted() {
    List<RecordResult> results = parser.parse(body("{\"Records\":["
      + "{\"result\":\"Split\",\"cdc_splitted\":[{\"kind\":\"insert\"}]},"
      + "{\"result\":\"Split\",\"cdc_split\":null,\"cdc_splitted\":[]}]}"), List.of("1.0", "2.0"));

    assertThat(results.get(0).items()).hasSize(1);
    assertThat(results.get(1).items()).isEmpty();
  }

  @Test
  @DisplayName("A result count different from the request's fails the batch")
  void countMismatch() {
    assertThatThrownBy(() -> parser.parse(body("{\"Records\":[{\"result\":\"Dropped\"}]}"),
      List.of("1.0", "2.0")))
      .isInstanceOf(InvalidResponseException.class).hasMessageContaining("1 results for 2 records");
  }

  @Test
  @DisplayName("Bodies that are not the response shape fail the batch")
  void invalidShapes() {
    List<String> one = List.of("1.0");
    assertThatThrownBy(() -> parser.parse(body("not json"), one))
      .isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(() -> parser.parse(body("{\"records\":[]}"), one))
      .isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(() -> parser.parse(body("{\"Records\":[{\"result\":\"Maybe\"}]}"), one))
      .hasMessageContaining("unknown result");
    assertThatThrownBy(() -> parser.parse(body("{\"Records\":[{\"result\":\"Ok\"}]}"), one))
      .hasMessageContaining("no change item");
    assertThatThrownBy(() -> parser.parse(body("{\"Records\":[{\"result\":\"Split\"}]}"), one))
      .hasMessageContaining("cdc_split");
    assertThatThrownBy(() -> parser.parse(
      body("{\"Records\":[{\"eventID\":\"9.0\",\"result\":\"Dropped\"}]}"), one))
      .hasMessageContaining("eventID 9.0");
  }

  @Test
  @DisplayName("The schema probe accepts an empty Records array and reads a returned table_schema")
  void probe() {
    assertThat(parser.parseProbe(body("{\"Records\":[]}"))).isNull();
    assertThat(parser.parseProbe(body("{\"Records\":[{\"cdc\":{\"table_schema\":[{\"name\":\"ts\"}]}}]}")))
      .hasSize(1);
    assertThat(parser.parseProbe(body(
      "{\"Records\":[{\"result\":\"Split\",\"cdc_split\":[{\"table_schema\":[{\"name\":\"a\"},{\"name\":\"b\"}]}]}]}")))
      .hasSize(2);
    assertThat(parser.parseProbe(body("{\"Records\":[{\"result\":\"Dropped\"}]}"))).isNull();
    assertThatThrownBy(() -> parser.parseProbe(body("{}")))
      .isInstanceOf(InvalidResponseException.class);
  }
}
