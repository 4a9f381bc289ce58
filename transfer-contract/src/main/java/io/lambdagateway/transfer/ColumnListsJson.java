package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.requireArray;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parallel arrays of a change item and of its old keys: names and types (strings) and values
 * (free-form JSON with exact numbers). A JSON null reads as an empty list, as Go's nil slice.
 */
final class ColumnListsJson {

  private ColumnListsJson() {}

  static List<String> readStrings(JsonParser parser, String field) throws IOException {
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

  static List<JsonNode> readValues(JsonParser parser, String field) throws IOException {
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

  static void writeStrings(JsonGenerator out, List<String> strings) throws IOException {
    out.writeStartArray();
    for (String string : strings) {
      out.writeString(string);
    }
    out.writeEndArray();
  }

  static void writeValues(JsonGenerator out, List<JsonNode> values) throws IOException {
    out.writeStartArray();
    for (JsonNode value : values) {
      writeValue(out, value);
    }
    out.writeEndArray();
  }

  /** Strings and nulls, the usual values, skip the tree writer; raw values keep their text. */
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
}
