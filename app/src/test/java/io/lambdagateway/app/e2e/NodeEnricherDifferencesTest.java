package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.pipeline.SourceRecord;
import io.lambdagateway.pipeline.TransferRequests;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each difference between the public example's Node enricher and the Java enricher, pinned with the
 * exact output of both, so that the list in {@link NodeEnricherDifferentialTest} and
 * docs/functions.md stays true. In every case the Java enricher does what its documentation
 * (docs/enricher.md) says; the Node function does what JavaScript or its own code does.
 */
@DisplayName("Differential: the listed differences of the Node enricher, one by one")
@ExtendWith(BlockedThreadGuard.class)
class NodeEnricherDifferencesTest {

  private static final String TS = "2024-06-20T01:02:03Z";
  private static EnricherPair enrichers;

  @BeforeAll
  static void startGateway() {
    enrichers = EnricherPair.start(NodeEnricherDifferentialTest.NODE_ENRICHER);
  }

  @AfterAll
  static void stopGateway() {
    enrichers.close();
  }

  @Test
  @DisplayName("JavaScript: a commitTime above 2^53 comes back as the nearest double")
  void commitTimeRounded() {
    byte[] batch = batch(List.of("ts=" + TS + "&data={}"), 1_718_876_759_101_123_457L);

    assertThat(item(javaResult(batch)).get("commitTime").asText()).isEqualTo("1718876759101123457");
    assertThat(item(nodeResult(batch)).get("commitTime").asText()).isEqualTo("1718876759101123600");
  }

  @Test
  @DisplayName("JavaScript: payload numbers in JavaScript's form, integer-like keys first")
  void payloadThroughJavaScriptNumbers() {
    String payload = "{\"big\":12345678901234567890,\"one\":1.0,\"e\":1e2,\"b\":2,\"1\":3}";
    byte[] batch = batch(List.of("ts=" + TS + "&data={\"payload\":" + payload + "}"), 1);

    JsonNode java = column(item(javaResult(batch)), 2);
    JsonNode node = column(item(nodeResult(batch)), 2);

    assertThat(java).isEqualTo(EnricherResults.tree(payload));
    assertThat(EnricherResults.fieldNames(java)).containsExactly("big", "one", "e", "b", "1");
    assertThat(node)
        .isEqualTo(
            EnricherResults.tree(
                "{\"1\":3,\"big\":12345678901234567000,\"one\":1,\"e\":100,\"b\":2}"));
    assertThat(EnricherResults.fieldNames(node)).containsExactly("1", "big", "one", "e", "b");
  }

  @Test
  @DisplayName(
      "JavaScript: non-ASCII text not percent-encoded is garbled by atob (one char a byte)")
  void rawUnicodeGarbled() {
    String appid = "Zoë 東京 🚀";
    byte[] batch = batch(List.of("ts=" + TS + "&data={\"appid\":\"" + appid + "\"}"), 1);

    assertThat(column(item(javaResult(batch)), 3).asText()).isEqualTo(appid);
    String eachByteAChar =
        new String(appid.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertThat(column(item(nodeResult(batch)), 3).asText())
        .isEqualTo(eachByteAChar)
        .startsWith("ZoÃ«");
  }

  @ParameterizedTest(name = "value \"{0}\"")
  @ValueSource(strings = {"", "\n", "\n\n\n"})
  @DisplayName("the example: a record without rows is Split with no items, Java's is Dropped")
  void noRows(String value) {
    byte[] batch = batch(List.of(value), 1);

    assertThat(record(javaResult(batch)).path("result").asText()).isEqualTo("Dropped");
    JsonNode node = record(nodeResult(batch));
    assertThat(node.path("result").asText()).isEqualTo("Split");
    assertThat(node.get("cdc_splitted")).isEmpty();
  }

  @Test
  @DisplayName("the example: a tombstone (null value) becomes one row of nulls, Java's is Dropped")
  void tombstone() {
    byte[] batch = batch(Collections.singletonList(null), 1);

    assertThat(record(javaResult(batch)).path("result").asText()).isEqualTo("Dropped");
    // atob(null) decodes the text "null": one row without ts or data.
    assertThat(item(nodeResult(batch)).get("columnvalues").toString())
        .isEqualTo("[null,\"203.0.113.7\",\"\",null,null]");
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of("ts=" + TS + "&ip=1.2.3.4", "[\"" + TS + "\",\"203.0.113.7\",\"\",null,null]"),
        Arguments.of("data={\"appid\":\"a\"}", "[null,\"203.0.113.7\",null,\"a\",null]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  @DisplayName("the example: a row without data or ts is kept, Java's record ProcessingFailed")
  void badRowKept(String row, String nodeColumnValues) {
    byte[] batch = batch(List.of(row), 1);

    JsonNode java = record(javaResult(batch));
    assertThat(java.path("result").asText()).isEqualTo("ProcessingFailed");
    assertThat(java.path("error").asText()).startsWith("row 0: ");
    assertThat(item(nodeResult(batch)).get("columnvalues").toString()).isEqualTo(nodeColumnValues);
  }

  @Test
  @DisplayName("the example: data that is not JSON fails the whole call, Java's record only")
  void dataNotJsonFailsTheCall() {
    byte[] batch = batch(List.of("ts=" + TS + "&data={broken", "ts=" + TS + "&data={}"), 1);

    JsonNode java = javaResult(batch).path("Records");
    assertThat(java.get(0).path("result").asText()).isEqualTo("ProcessingFailed");
    assertThat(java.get(1).path("result").asText()).isEqualTo("Split");
    HttpResponse<String> node = enrichers.invokeNode(EnricherPair.urlEvent(batch));
    assertThat(node.statusCode()).isEqualTo(200);
    assertThat(node.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
    assertThat(EnricherResults.tree(node.body()).path("errorType").asText())
        .isEqualTo("SyntaxError");
  }

  private static JsonNode javaResult(byte[] batch) {
    return enrichers.javaByUrl(batch);
  }

  private static JsonNode nodeResult(byte[] batch) {
    return enrichers.nodeByUrl(batch);
  }

  private static JsonNode record(JsonNode response) {
    assertThat(response.path("Records")).hasSize(1);
    return response.path("Records").get(0);
  }

  /** The one item of the first record, from either spelling of the list. */
  private static JsonNode item(JsonNode response) {
    JsonNode record = response.path("Records").get(0);
    JsonNode items = record.has("cdc_split") ? record.get("cdc_split") : record.get("cdc_splitted");
    assertThat(items).as(record.toString()).hasSize(1);
    return items.get(0);
  }

  private static JsonNode column(JsonNode item, int index) {
    return item.get("columnvalues").get(index);
  }

  /** The pipeline's request for these Kafka values, every item at {@code commitTime}. */
  private static byte[] batch(List<String> values, long commitTime) {
    TransferRequests requests = new TransferRequests();
    List<BatchRecord> records = new ArrayList<>();
    for (int offset = 0; offset < values.size(); offset++) {
      String value = values.get(offset);
      byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
      BatchRecord record = requests.record(new SourceRecord("source", 0, offset, 1L, null, bytes));
      records.add(NodeEnricherDifferentialTest.withCommitTime(record, commitTime));
    }
    return BatchJson.writeRequest(records);
  }
}
