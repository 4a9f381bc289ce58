package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.BodyText;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ColumnSchema;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The data column is text or base64 as its schema type says (contract §8, item layouts). */
class DataColumnTest {

  private static ChangeItem item(TableSchema schema) {
    return new ChangeItem(
        0,
        1,
        0,
        0,
        "insert",
        "",
        "t",
        "",
        List.of("data"),
        List.of(JsonNodeFactory.instance.textNode("x")),
        schema,
        OldKeys.NONE,
        "",
        "");
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  /** The data value as a function sees it while the batch codec transforms a request. */
  private static JsonNode readFromRequest(String value, TableSchema schema) {
    ChangeItem item = item(schema);
    ChangeItem withValue =
        new ChangeItem(
            item.id(),
            item.nextLsn(),
            item.commitTime(),
            item.txPosition(),
            item.kind(),
            item.schema(),
            item.table(),
            item.part(),
            item.columnNames(),
            List.of(text(value)),
            schema,
            item.oldKeys(),
            item.txId(),
            item.query());
    byte[] request =
        BatchJson.writeRequest(List.of(new BatchRecord(withValue, Envelope.forChangeItem(1, 0))));
    List<JsonNode> values = new ArrayList<>();
    BatchJson.transform(
        request, Integer.MAX_VALUE, (record, out) -> values.add(record.cdc().valueOf("data")));
    return values.get(0);
  }

  @Test
  @DisplayName("A value still in the request's bytes reads as its text does, in both layouts")
  void readFromTheRequestsBytes() {
    String rows = "ts=2024-06-20T09:45:59Z&ip=FILL_ME&data={\"appid\":1}\n".repeat(4);
    String base64 = Base64.getEncoder().encodeToString(rows.getBytes(StandardCharsets.UTF_8));
    TableSchema bytesType =
        TableSchema.of(List.of(ColumnSchema.of("data", "string", false, false)));
    TableSchema textType = TableSchema.of(List.of(ColumnSchema.of("data", "utf8", false, false)));

    JsonNode encoded = readFromRequest(base64, bytesType);
    JsonNode text = readFromRequest(rows, textType);

    assertThat(encoded).isInstanceOf(BodyText.class);
    assertThat(text).isInstanceOf(BodyText.class);
    assertThat(DataColumn.bytes(item(bytesType), encoded))
        .isEqualTo(rows.getBytes(StandardCharsets.UTF_8));
    assertThat(DataColumn.bytes(item(textType), text))
        .isEqualTo(rows.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> DataColumn.bytes(item(bytesType), text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("utf8 (the 5- and 7-column layouts): the text itself")
  void text() {
    ChangeItem item = item(TableSchema.of(List.of(ColumnSchema.of("data", "utf8", false, false))));

    assertThat(DataColumn.bytes(item, text("ts=1&data={}")))
        .isEqualTo("ts=1&data={}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("string, YT's bytes type (the 6-column layout): base64")
  void base64() {
    ChangeItem item =
        item(TableSchema.of(List.of(ColumnSchema.of("data", "string", false, false))));

    assertThat(DataColumn.bytes(item, text("dHM9MQ==")))
        .isEqualTo("ts=1".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> DataColumn.bytes(item, text("ts=1&data={}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("No schema for data: base64, as before layouts were told apart")
  void noSchema() {
    assertThat(DataColumn.bytes(item(TableSchema.EMPTY), text("dHM9MQ==")))
        .isEqualTo("ts=1".getBytes(StandardCharsets.UTF_8));
  }
}
