package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ColumnSchema;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.TableSchema;
import java.nio.charset.StandardCharsets;
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

  @Test
  @DisplayName("utf8 (the 5- and 7-column layouts): the text itself")
  void text() {
    ChangeItem item = item(TableSchema.of(List.of(ColumnSchema.of("data", "utf8", false, false))));

    assertThat(DataColumn.bytes(item, "ts=1&data={}"))
        .isEqualTo("ts=1&data={}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("string, YT's bytes type (the 6-column layout): base64")
  void base64() {
    ChangeItem item =
        item(TableSchema.of(List.of(ColumnSchema.of("data", "string", false, false))));

    assertThat(DataColumn.bytes(item, "dHM9MQ=="))
        .isEqualTo("ts=1".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> DataColumn.bytes(item, "ts=1&data={}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("No schema for data: base64, as before layouts were told apart")
  void noSchema() {
    assertThat(DataColumn.bytes(item(TableSchema.EMPTY), "dHM9MQ=="))
        .isEqualTo("ts=1".getBytes(StandardCharsets.UTF_8));
  }
}
