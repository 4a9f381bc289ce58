package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransferResponsesTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");

  private static byte[] body(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("Ok, Split, Dropped and ProcessingFailed results are read in order")
  void allResults() {
    String response =
        "{\"Records\":["
            + "{\"eventID\":\"1.0\",\"result\":\"Ok\",\"cdc\":{\"kind\":\"insert\",\"commitTime\":18446744073709551615}},"
            + "{\"eventID\":\"2.0\",\"result\":\"Split\",\"cdc_split\":[{\"kind\":\"insert\"},{\"kind\":\"insert\"}]},"
            + "{\"result\":\"Dropped\"},"
            + "{\"eventID\":\"4.0\",\"result\":\"ProcessingFailed\",\"error\":\"row 2: bad query string\"}]}";

    List<ResultRecord> results =
        TransferResponses.read(body(response), List.of("1.0", "2.0", "3.0", "4.0"));

    assertThat(results)
        .extracting(ResultRecord::result)
        .containsExactly(Result.OK, Result.SPLIT, Result.DROPPED, Result.PROCESSING_FAILED);
    assertThat(Long.toUnsignedString(TransferResponses.items(results.get(0)).get(0).commitTime()))
        .isEqualTo("18446744073709551615");
    assertThat(TransferResponses.items(results.get(1))).hasSize(2);
    assertThat(TransferResponses.items(results.get(2))).isEmpty();
    assertThat(TransferResponses.items(results.get(3))).isEmpty();
    assertThat(results.get(3).error()).isEqualTo("row 2: bad query string");
  }

  @Test
  @DisplayName("The enricher's compact and full answers read as the same results and items")
  void compactAndFullAnswersReadAlike() throws IOException {
    byte[] request = Files.readAllBytes(GOLDEN.resolve("demo.request.json"));
    List<String> eventIds =
        BatchJson.readRequest(request).stream().map(r -> r.envelope().eventId()).toList();

    List<ResultRecord> compact =
        TransferResponses.read(enricher(ResponseForm.COMPACT).transform(request), eventIds);
    List<ResultRecord> full =
        TransferResponses.read(enricher(ResponseForm.FULL).transform(request), eventIds);

    assertThat(compact).isEqualTo(full);
    assertThat(compact.stream().flatMap(r -> TransferResponses.items(r).stream())).isNotEmpty();
  }

  private static Enricher enricher(ResponseForm form) {
    return Enricher.create(new EnricherConfig("203.0.113.7", false, form));
  }

  @Test
  @DisplayName("A third-party function's cdc_splitted list is accepted; an empty split is valid")
  void cdcSplitted() {
    List<ResultRecord> results =
        TransferResponses.read(
            body(
                "{\"Records\":["
                    + "{\"result\":\"Split\",\"cdc_splitted\":[{\"kind\":\"insert\"}]},"
                    + "{\"result\":\"Split\",\"cdc_split\":null,\"cdc_splitted\":[]}]}"),
            List.of("1.0", "2.0"));

    assertThat(TransferResponses.items(results.get(0))).hasSize(1);
    assertThat(TransferResponses.items(results.get(1))).isEmpty();
  }

  @Test
  @DisplayName("A Split that echoes its request's cdc writes only its split items")
  void splitWithEchoedCdc() {
    List<ResultRecord> results =
        TransferResponses.read(
            body(
                "{\"Records\":[{\"result\":\"Split\","
                    + "\"cdc\":{\"kind\":\"insert\",\"table\":\"in\"},\"cdc_split\":[{\"kind\":\"insert\",\"table\":\"out\"}]}]}"),
            List.of("1.0"));

    assertThat(TransferResponses.items(results.get(0)))
        .singleElement()
        .satisfies(item -> assertThat(item.table()).isEqualTo("out"));
  }

  @Test
  @DisplayName("A result count different from the request's fails the batch")
  void countMismatch() {
    assertThatThrownBy(
            () ->
                TransferResponses.read(
                    body("{\"Records\":[{\"result\":\"Dropped\"}]}"), List.of("1.0", "2.0")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("1 results for 2 records");
  }

  @Test
  @DisplayName("Bodies that are not the response shape fail the batch")
  void invalidShapes() {
    List<String> one = List.of("1.0");
    assertThatThrownBy(() -> TransferResponses.read(body("not json"), one))
        .isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(() -> TransferResponses.read(body("{\"records\":[]}"), one))
        .isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(
            () -> TransferResponses.read(body("{\"Records\":[{\"result\":\"Maybe\"}]}"), one))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("unknown 'result'");
    assertThatThrownBy(
            () -> TransferResponses.read(body("{\"Records\":[{\"result\":\"Ok\"}]}"), one))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("no 'cdc'");
    assertThatThrownBy(
            () ->
                TransferResponses.read(
                    body("{\"Records\":[{\"result\":\"Split\",\"cdc_split\":{}}]}"), one))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("cdc_split");
    assertThatThrownBy(
            () ->
                TransferResponses.read(
                    body("{\"Records\":[{\"eventID\":\"9.0\",\"result\":\"Dropped\"}]}"), one))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("eventID 9.0");
  }

  @Test
  @DisplayName("The schema probe accepts an empty Records array and reads a returned table_schema")
  void probe() {
    assertThat(TransferResponses.readProbe(body("{\"Records\":[]}"))).isNull();
    assertThat(
            TransferResponses.readProbe(
                    body(
                        "{\"Records\":[{\"result\":\"Ok\",\"cdc\":{\"table_schema\":[{\"name\":\"ts\"}]}}]}"))
                .columns())
        .hasSize(1);
    assertThat(
            TransferResponses.readProbe(
                    body(
                        "{\"Records\":[{\"result\":\"Split\",\"cdc_split\":[{\"table_schema\":[{\"name\":\"a\"},{\"name\":\"b\"}]}]}]}"))
                .columns())
        .hasSize(2);
    assertThat(TransferResponses.readProbe(body("{\"Records\":[{\"result\":\"Dropped\"}]}")))
        .isNull();
    assertThatThrownBy(() -> TransferResponses.readProbe(body("{}")))
        .isInstanceOf(InvalidResponseException.class);
  }
}
