package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.malformed;
import static io.lambdagateway.transfer.TransferJson.readInt;
import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.readUnsigned;
import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming JSON codec of {@link ChangeItem}, {@link ColumnSchema} and {@link OldKeys} in
 * Transfer's field names, order and omissions. Reading ignores unknown fields and accepts any field
 * order; a value of the wrong type is a {@link MalformedBatchException}.
 */
final class ChangeItemJson {

  private static final long UINT32_MAX = 0xFFFF_FFFFL;
  private static final long UINT64_MAX = -1L;

  private ChangeItemJson() {}

  /** Reads the object whose START_OBJECT is the parser's current token. */
  static ChangeItem read(JsonParser parser) throws IOException {
    ChangeItemFields item = new ChangeItemFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      readField(parser, field, item);
    }
    return item.build();
  }

  private static void readField(JsonParser parser, String field, ChangeItemFields item)
      throws IOException {
    switch (field) {
      case "id" -> item.id = readUnsigned(parser, field, UINT32_MAX);
      case "nextlsn" -> item.nextLsn = readUnsigned(parser, field, UINT64_MAX);
      case "commitTime" -> item.commitTime = readUnsigned(parser, field, UINT64_MAX);
      case "txPosition" -> item.txPosition = readInt(parser, field);
      case "kind" -> item.kind = readString(parser, field);
      case "schema" -> item.schema = readString(parser, field);
      case "table" -> item.table = readString(parser, field);
      case "part" -> item.part = readString(parser, field);
      case "columnnames" -> item.columnNames = readStrings(parser, field);
      case "columnvalues" -> item.columnValues = readValues(parser, field);
      case "table_schema" -> item.tableSchema = readTableSchema(parser);
      case "oldkeys" -> item.oldKeys = readOldKeys(parser);
      case "tx_id" -> item.txId = readString(parser, field);
      case "query" -> item.query = readString(parser, field);
      default -> parser.skipChildren();
    }
  }

  private static List<String> readStrings(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    requireArray(parser, field);
    List<String> strings = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      strings.add(readString(parser, field));
    }
    return strings;
  }

  private static List<JsonNode> readValues(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    requireArray(parser, field);
    List<JsonNode> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(TransferJson.readValue(parser));
    }
    return values;
  }

  private static TableSchema readTableSchema(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return TableSchema.EMPTY;
    }
    requireArray(parser, "table_schema");
    List<ColumnSchema> columns = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw malformed(parser, "a 'table_schema' column must be an object");
      }
      columns.add(readColumn(parser));
    }
    return TableSchema.of(columns);
  }

  private static ColumnSchema readColumn(JsonParser parser) throws IOException {
    ColumnFields column = new ColumnFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "table_schema" -> column.tableSchema = readString(parser, field);
        case "table_name" -> column.tableName = readString(parser, field);
        case "path" -> column.path = readString(parser, field);
        case "name" -> column.name = readString(parser, field);
        case "type" -> column.type = readString(parser, field);
        case "key" -> column.key = readBoolean(parser, field);
        case "fake_key" -> column.fakeKey = readBoolean(parser, field);
        case "required" -> column.required = readBoolean(parser, field);
        case "expression" -> column.expression = readString(parser, field);
        case "original_type" -> column.originalType = readString(parser, field);
        case "properties" -> column.properties = readProperties(parser, field);
        default -> parser.skipChildren();
      }
    }
    return column.build();
  }

  private static ObjectNode readProperties(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return TransferJson.MAPPER.readTree(parser);
    }
    if (token != JsonToken.VALUE_NULL) {
      throw malformed(parser, "'" + field + "' must be an object");
    }
    return null;
  }

  private static boolean readBoolean(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw malformed(parser, "'" + field + "' must be a boolean");
  }

  private static OldKeys readOldKeys(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return OldKeys.NONE;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed(parser, "'oldkeys' must be an object");
    }
    List<String> names = List.of();
    List<String> types = List.of();
    List<JsonNode> values = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "keynames" -> names = readStrings(parser, field);
        case "keytypes" -> types = readStrings(parser, field);
        case "keyvalues" -> values = readValues(parser, field);
        default -> parser.skipChildren();
      }
    }
    return names.isEmpty() && types.isEmpty() && values.isEmpty()
        ? OldKeys.NONE
        : new OldKeys(names, types, values);
  }

  private static void requireArray(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw malformed(
          parser,
          "'"
              + field
              + "' must be an array, found "
              + TransferJson.describe(parser.currentToken()));
    }
  }

  /** Writes the item as one JSON object. */
  static void write(JsonGenerator out, ChangeItem item) throws IOException {
    out.writeStartObject();
    out.writeFieldName(FieldNames.ID);
    out.writeNumber(item.id());
    out.writeFieldName(FieldNames.NEXT_LSN);
    writeUnsigned(out, item.nextLsn());
    out.writeFieldName(FieldNames.COMMIT_TIME);
    writeUnsigned(out, item.commitTime());
    out.writeFieldName(FieldNames.TX_POSITION);
    out.writeNumber(item.txPosition());
    writeStringField(out, FieldNames.KIND, item.kind());
    writeStringField(out, FieldNames.SCHEMA, item.schema());
    writeStringField(out, FieldNames.TABLE, item.table());
    writeStringField(out, FieldNames.PART, item.part());
    out.writeFieldName(FieldNames.COLUMN_NAMES);
    writeStrings(out, item.columnNames());
    if (!item.columnValues().isEmpty()) {
      out.writeFieldName(FieldNames.COLUMN_VALUES);
      writeValues(out, item.columnValues());
    }
    if (!item.tableSchema().isEmpty()) {
      out.writeFieldName(FieldNames.TABLE_SCHEMA);
      out.writeRawValue(item.tableSchema().json());
    }
    out.writeFieldName(FieldNames.OLD_KEYS);
    writeOldKeys(out, item.oldKeys());
    writeStringField(out, FieldNames.TX_ID, item.txId());
    writeStringField(out, FieldNames.QUERY, item.query());
    out.writeEndObject();
  }

  private static void writeUnsigned(JsonGenerator out, long value) throws IOException {
    if (value >= 0) {
      out.writeNumber(value);
    } else {
      out.writeNumber(Long.toUnsignedString(value));
    }
  }

  private static void writeStrings(JsonGenerator out, List<String> strings) throws IOException {
    out.writeStartArray();
    for (String string : strings) {
      out.writeString(string);
    }
    out.writeEndArray();
  }

  private static void writeValues(JsonGenerator out, List<JsonNode> values) throws IOException {
    out.writeStartArray();
    for (JsonNode value : values) {
      writeValue(out, value);
    }
    out.writeEndArray();
  }

  private static void writeValue(JsonGenerator out, JsonNode value) throws IOException {
    if (value.isTextual()) {
      out.writeString(value.textValue());
    } else if (value.isNull()) {
      out.writeNull();
    } else if (value instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
      raw.serialize(out);
    } else {
      TransferJson.MAPPER.writeTree(out, value);
    }
  }

  static void writeColumns(JsonGenerator out, List<ColumnSchema> columns) throws IOException {
    out.writeStartArray();
    for (ColumnSchema column : columns) {
      writeColumn(out, column);
    }
    out.writeEndArray();
  }

  private static void writeColumn(JsonGenerator out, ColumnSchema column) throws IOException {
    out.writeStartObject();
    writeStringField(out, FieldNames.TABLE_SCHEMA, column.tableSchema());
    writeStringField(out, FieldNames.TABLE_NAME, column.tableName());
    writeStringField(out, FieldNames.PATH, column.path());
    writeStringField(out, FieldNames.NAME, column.name());
    writeStringField(out, FieldNames.TYPE, column.type());
    out.writeFieldName(FieldNames.KEY);
    out.writeBoolean(column.key());
    out.writeFieldName(FieldNames.FAKE_KEY);
    out.writeBoolean(column.fakeKey());
    out.writeFieldName(FieldNames.REQUIRED);
    out.writeBoolean(column.required());
    writeStringField(out, FieldNames.EXPRESSION, column.expression());
    writeStringField(out, FieldNames.ORIGINAL_TYPE, column.originalType());
    if (column.properties() != null && !column.properties().isEmpty()) {
      out.writeFieldName(FieldNames.PROPERTIES);
      TransferJson.MAPPER.writeTree(out, column.properties());
    }
    out.writeEndObject();
  }

  private static void writeOldKeys(JsonGenerator out, OldKeys keys) throws IOException {
    out.writeStartObject();
    if (!keys.keyNames().isEmpty()) {
      out.writeFieldName(FieldNames.KEY_NAMES);
      writeStrings(out, keys.keyNames());
    }
    if (!keys.keyTypes().isEmpty()) {
      out.writeFieldName(FieldNames.KEY_TYPES);
      writeStrings(out, keys.keyTypes());
    }
    if (!keys.keyValues().isEmpty()) {
      out.writeFieldName(FieldNames.KEY_VALUES);
      writeValues(out, keys.keyValues());
    }
    out.writeEndObject();
  }

  /** The fields of an item being read; Go's zero values where the JSON has none. */
  private static final class ChangeItemFields {
    long id;
    long nextLsn;
    long commitTime;
    int txPosition;
    String kind = "";
    String schema = "";
    String table = "";
    String part = "";
    List<String> columnNames = List.of();
    List<JsonNode> columnValues = List.of();
    TableSchema tableSchema = TableSchema.EMPTY;
    OldKeys oldKeys = OldKeys.NONE;
    String txId = "";
    String query = "";

    ChangeItem build() {
      return new ChangeItem(
          id,
          nextLsn,
          commitTime,
          txPosition,
          kind,
          schema,
          table,
          part,
          columnNames,
          columnValues,
          tableSchema,
          oldKeys,
          txId,
          query);
    }
  }

  /** The fields of a column being read; Go's zero values where the JSON has none. */
  private static final class ColumnFields {
    String tableSchema = "";
    String tableName = "";
    String path = "";
    String name = "";
    String type = "";
    boolean key;
    boolean fakeKey;
    boolean required;
    String expression = "";
    String originalType = "";
    ObjectNode properties;

    ColumnSchema build() {
      return new ColumnSchema(
          tableSchema,
          tableName,
          path,
          name,
          type,
          key,
          fakeKey,
          required,
          expression,
          originalType,
          properties);
    }
  }
}
