package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.FACTORY;
import static io.lambdagateway.transfer.TransferJson.malformed;
import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.requireArray;
import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code table_schema} array of a change item, one {@link ColumnSchema} object per column.
 * Written once per schema ({@link #render}) rather than per item: {@link TableSchema} keeps the
 * text and the item writer copies it.
 */
final class ColumnSchemaJson {

  private ColumnSchemaJson() {}

  /** Reads the value at the parser's current token; null reads as {@link TableSchema#EMPTY}. */
  static TableSchema read(JsonParser parser) throws IOException {
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

  /** The columns as the JSON array written in {@code table_schema}, in {@code form}. */
  static String render(List<ColumnSchema> columns, ResponseForm form) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.writeStartArray();
      for (ColumnSchema column : columns) {
        if (form == ResponseForm.FULL) {
          writeColumn(generator, column);
        } else {
          writeCompactColumn(generator, column);
        }
      }
      generator.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
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

  /** The column without the fields that hold Go's zero value, which decode the same when absent. */
  private static void writeCompactColumn(JsonGenerator out, ColumnSchema column)
      throws IOException {
    out.writeStartObject();
    writeNonEmpty(out, FieldNames.TABLE_SCHEMA, column.tableSchema());
    writeNonEmpty(out, FieldNames.TABLE_NAME, column.tableName());
    writeNonEmpty(out, FieldNames.PATH, column.path());
    writeNonEmpty(out, FieldNames.NAME, column.name());
    writeNonEmpty(out, FieldNames.TYPE, column.type());
    writeTrue(out, FieldNames.KEY, column.key());
    writeTrue(out, FieldNames.FAKE_KEY, column.fakeKey());
    writeTrue(out, FieldNames.REQUIRED, column.required());
    writeNonEmpty(out, FieldNames.EXPRESSION, column.expression());
    writeNonEmpty(out, FieldNames.ORIGINAL_TYPE, column.originalType());
    if (column.properties() != null && !column.properties().isEmpty()) {
      out.writeFieldName(FieldNames.PROPERTIES);
      TransferJson.MAPPER.writeTree(out, column.properties());
    }
    out.writeEndObject();
  }

  private static void writeNonEmpty(JsonGenerator out, SerializableString name, String value)
      throws IOException {
    if (!value.isEmpty()) {
      writeStringField(out, name, value);
    }
  }

  private static void writeTrue(JsonGenerator out, SerializableString name, boolean value)
      throws IOException {
    if (value) {
      out.writeFieldName(name);
      out.writeBoolean(true);
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
