package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.malformed;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * The {@code oldkeys} object of a change item: the key columns' names, types and values before an
 * update or delete. Empty lists are left out when written, as Transfer leaves them out, and an
 * object with none reads as {@link OldKeys#NONE}.
 */
final class OldKeysJson {

  private OldKeysJson() {}

  /** Reads the value at the parser's current token; null reads as {@link OldKeys#NONE}. */
  static OldKeys read(JsonParser parser) throws IOException {
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
        case "keynames" -> names = ColumnListsJson.readStrings(parser, field);
        case "keytypes" -> types = ColumnListsJson.readStrings(parser, field);
        case "keyvalues" -> values = ColumnListsJson.readValues(parser, field);
        default -> parser.skipChildren();
      }
    }
    return names.isEmpty() && types.isEmpty() && values.isEmpty()
        ? OldKeys.NONE
        : new OldKeys(names, types, values);
  }

  static void write(JsonGenerator out, OldKeys keys) throws IOException {
    out.writeStartObject();
    if (!keys.keyNames().isEmpty()) {
      out.writeFieldName(FieldNames.KEY_NAMES);
      ColumnListsJson.writeStrings(out, keys.keyNames());
    }
    if (!keys.keyTypes().isEmpty()) {
      out.writeFieldName(FieldNames.KEY_TYPES);
      ColumnListsJson.writeStrings(out, keys.keyTypes());
    }
    if (!keys.keyValues().isEmpty()) {
      out.writeFieldName(FieldNames.KEY_VALUES);
      ColumnListsJson.writeValues(out, keys.keyValues());
    }
    out.writeEndObject();
  }
}
