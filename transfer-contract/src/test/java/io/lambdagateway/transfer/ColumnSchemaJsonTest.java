package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A table_schema, read and rendered")
class ColumnSchemaJsonTest {

  @Test
  @DisplayName("Nulls read as Go's zero values, and empty properties are left out when rendered")
  void zeroValuesAndEmptyProperties() throws IOException {
    TableSchema schema =
        read("[{\"name\":\"a\",\"key\":null,\"required\":true,\"type\":null,\"properties\":{}}]");

    ColumnSchema column = schema.columns().get(0);
    assertThat(column.key()).isFalse();
    assertThat(column.required()).isTrue();
    assertThat(column.type()).isEmpty();
    assertThat(ColumnSchemaJson.render(schema.columns(), ResponseForm.FULL))
        .isEqualTo(
            "[{\"table_schema\":\"\",\"table_name\":\"\",\"path\":\"\",\"name\":\"a\","
                + "\"type\":\"\",\"key\":false,\"fake_key\":false,\"required\":true,"
                + "\"expression\":\"\",\"original_type\":\"\"}]");
    assertThat(ColumnSchemaJson.render(schema.columns(), ResponseForm.COMPACT))
        .isEqualTo("[{\"name\":\"a\",\"required\":true}]");
  }

  @Test
  @DisplayName("A null table_schema is the empty schema")
  void nullIsEmpty() throws IOException {
    assertThat(read("null")).isSameAs(TableSchema.EMPTY);
  }

  @Test
  @DisplayName("A column that is not an object, or a flag that is not a boolean, is malformed")
  void wrongTypesAreMalformed() {
    assertThatThrownBy(() -> read("[\"id\"]"))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageStartingWith("a 'table_schema' column must be an object");
    assertThatThrownBy(() -> read("[{\"key\":\"yes\"}]"))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageStartingWith("'key' must be a boolean");
  }

  private static TableSchema read(String json) throws IOException {
    try (JsonParser parser = TransferJson.factory().createParser(json)) {
      parser.nextToken();
      return ColumnSchemaJson.read(parser);
    }
  }
}
