package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ColumnSchema;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import io.lambdagateway.transfer.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The enricher's status model")
class EnricherTest {

  private static final String BAD_ROW = "ts=2024-06-20T21:06:48Z&data={not json}";

  private final Enricher strict = Enricher.create(new EnricherConfig("203.0.113.7", false));
  private final Enricher skipping = Enricher.create(new EnricherConfig("203.0.113.7", true));

  @Test
  @DisplayName("Each row becomes one insert item with the five columns, in row order")
  void rowsBecomeItemsInOrder() {
    String value =
        Batches.PRODUCER_ROW + "\n\n" + Batches.PRODUCER_ROW.replace("rand_id_1", "id_2");

    ResultRecord result = only(strict, Batches.kafkaRecord(42, value));

    assertThat(result.result()).isEqualTo(Result.SPLIT);
    assertThat(result.envelope().eventId()).isEqualTo("42.0");
    assertThat(result.cdcSplit()).hasSize(2);
    ChangeItem second = result.cdcSplit().get(1);
    assertThat(second.kind()).isEqualTo("insert");
    assertThat(second.table()).isEqualTo("source-topic");
    assertThat(second.txPosition()).isEqualTo(1);
    assertThat(second.commitTime()).isEqualTo(1_718_876_759_101_000_000L);
    assertThat(second.columnNames()).containsExactly("ts", "ip", "data", "appid", "identity");
    assertThat(second.columnValues().get(1).textValue()).isEqualTo("203.0.113.7");
    assertThat(second.columnValues().get(3).textValue()).isEqualTo("id_2");
    assertThat(second.tableSchema().columns())
        .extracting(ColumnSchema::name, ColumnSchema::type)
        .containsExactly(
            tuple("ts", "datetime"),
            tuple("ip", "utf8"),
            tuple("data", "any"),
            tuple("appid", "utf8"),
            tuple("identity", "utf8"));
    assertThat(second.tableSchema().columns().get(0).key()).isTrue();
    assertThat(second.tableSchema().columns().get(0).required()).isTrue();
  }

  @Test
  @DisplayName("A bad row fails its record, naming the row index and an excerpt")
  void badRowFailsTheRecord() {
    ResultRecord result =
        only(strict, Batches.kafkaRecord(7, Batches.PRODUCER_ROW + "\n" + BAD_ROW));

    assertThat(result.result()).isEqualTo(Result.PROCESSING_FAILED);
    assertThat(result.cdcSplit()).isNull();
    assertThat(result.error())
        .startsWith("row 1: 'data' is not JSON")
        .endsWith(": \"" + BAD_ROW + "\"");
  }

  @Test
  @DisplayName("A long bad row is cut to a 60-character excerpt")
  void longRowIsExcerpted() {
    String row = "ip=FILL_ME&data=" + "x".repeat(200);

    ResultRecord result = only(strict, Batches.kafkaRecord(7, row));

    assertThat(result.error()).isEqualTo("row 0: missing 'ts': \"" + row.substring(0, 60) + "…\"");
  }

  @Test
  @DisplayName("With skipBadRows a bad row is left out and the good rows are kept")
  void skipBadRowsKeepsTheRest() {
    ResultRecord result =
        only(skipping, Batches.kafkaRecord(7, BAD_ROW + "\n" + Batches.PRODUCER_ROW + "\nts=1"));

    assertThat(result.result()).isEqualTo(Result.SPLIT);
    assertThat(result.cdcSplit()).hasSize(1);
    assertThat(result.cdcSplit().get(0).txPosition()).isZero();
  }

  @Test
  @DisplayName("With skipBadRows a value of only bad rows is Dropped")
  void skipBadRowsWithNothingLeftDrops() {
    ResultRecord result = only(skipping, Batches.kafkaRecord(7, BAD_ROW + "\nts=1"));

    assertThat(result.result()).isEqualTo(Result.DROPPED);
    assertThat(result.error()).isNull();
  }

  @Test
  @DisplayName("skipBadRows does not excuse a value that is not base64")
  void skipBadRowsStillFailsBadBase64() {
    ResultRecord result =
        only(skipping, Batches.kafkaRecordWithData(7, JsonNodeFactory.instance.textNode("%%%")));

    assertThat(result.result()).isEqualTo(Result.PROCESSING_FAILED);
    assertThat(result.error()).startsWith("column 'data' is not base64");
  }

  @Test
  @DisplayName("A data column that is not a string fails its record")
  void nonStringDataFails() {
    ResultRecord result =
        only(strict, Batches.kafkaRecordWithData(7, JsonNodeFactory.instance.numberNode(5)));

    assertThat(result.result()).isEqualTo(Result.PROCESSING_FAILED);
    assertThat(result.error()).isEqualTo("column 'data' is not a base64 string");
  }

  @Test
  @DisplayName("An item without a data column fails its record, not the batch")
  void missingDataColumnFails() {
    ChangeItem noData =
        new ChangeItem(
            0,
            1,
            2,
            0,
            "insert",
            "",
            "t",
            "",
            List.of("x"),
            List.of(JsonNodeFactory.instance.textNode("y")),
            TableSchema.EMPTY,
            OldKeys.NONE,
            "",
            "");
    byte[] request =
        BatchJson.writeRequest(
            List.of(
                new BatchRecord(noData, Envelope.forChangeItem(1, 0)), Batches.kafkaRecord(2, "")));

    List<ResultRecord> results = BatchJson.readResponse(strict.transform(request));

    assertThat(results)
        .extracting(ResultRecord::result)
        .containsExactly(Result.PROCESSING_FAILED, Result.DROPPED);
    assertThat(results.get(0).error()).isEqualTo("the change item has no column named 'data'");
  }

  @Test
  @DisplayName("data that is JSON but not an object, or has trailing text, is a bad row")
  void dataMustBeOneObject() {
    assertThat(only(strict, Batches.kafkaRecord(1, "ts=1&data=[1]")).error())
        .startsWith("row 0: 'data' is not a JSON object");
    assertThat(only(strict, Batches.kafkaRecord(1, "ts=1&data={} {}")).error())
        .startsWith("row 0: 'data' is not JSON");
    assertThat(only(strict, Batches.kafkaRecord(1, "ts=1")).error())
        .startsWith("row 0: missing 'data'");
  }

  @Test
  @DisplayName("Missing appid, payload or identity become JSON nulls; the payload keeps its digits")
  void missingFieldsAreNull() {
    String value = "ts=1&data={\"payload\":{\"n\":1.50,\"big\":123456789012345678901234567890}}";

    String response =
        new String(
            strict.transform(Batches.request(Batches.kafkaRecord(1, value))),
            StandardCharsets.UTF_8);

    assertThat(response)
        .contains(
            "\"columnvalues\":[\"1\",\"203.0.113.7\","
                + "{\"n\":1.50,\"big\":123456789012345678901234567890},null,null]");
  }

  @Test
  @DisplayName("A scalar or null payload is written as that JSON value")
  void scalarPayload() {
    String value = "ts=1&data={\"appid\":7,\"payload\":\"text\",\"identity\":null}";

    String response =
        new String(
            strict.transform(Batches.request(Batches.kafkaRecord(1, value))),
            StandardCharsets.UTF_8);

    assertThat(response).contains("\"columnvalues\":[\"1\",\"203.0.113.7\",\"text\",7,null]");
  }

  @Test
  @DisplayName("The malformed batches throw MalformedBatchException with a clear message")
  void malformedBatchesThrow() {
    assertMalformed("not json", "the body is not valid JSON");
    assertMalformed("", "a request must be a JSON object");
    assertMalformed("[]", "a request must be a JSON object");
    assertMalformed("{}", "the request has no 'Records' array");
    assertMalformed("{\"Records\":{}}", "'Records' must be one array");
    assertMalformed("{\"Records\":[1]}", "a record must be an object, found a number");
    assertMalformed("{\"Records\":[{\"eventID\":\"1.0\"}]}", "a record has no 'cdc' change item");
    assertMalformed("{\"Records\":[{\"cdc\":null}]}", "a record has no 'cdc' change item");
    assertMalformed("{\"Records\":[]} []", "unexpected content after the request");
    assertMalformed(
        "{\"Records\":[{\"cdc\":{\"commitTime\":-1}}]}", "'commitTime' is out of range: -1");
    assertMalformed(
        "{\"Records\":[{\"cdc\":{\"commitTime\":18446744073709551616}}]}",
        "'commitTime' is out of range: 18446744073709551616");
    assertMalformed(
        "{\"Records\":[{\"cdc\":{\"commitTime\":1.5e18}}]}",
        "'commitTime' must be an unsigned integer, found a number");
  }

  private void assertMalformed(String body, String message) {
    assertThatThrownBy(() -> strict.transform(body.getBytes(StandardCharsets.UTF_8)))
        .as(body)
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining(message);
  }

  private static ResultRecord only(Enricher enricher, BatchRecord record) {
    List<ResultRecord> results =
        BatchJson.readResponse(enricher.transform(Batches.request(record)));
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
