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
    return readStrings(parser, field, List.of());
  }

  /**
   * The strings, or {@code previous} itself when they are its strings: each is compared on the
   * parser's characters, and only a list that differs is read into strings.
   */
  static List<String> readStrings(JsonParser parser, String field, List<String> previous)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    requireArray(parser, field);
    int count = 0;
    List<String> strings = null;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (strings == null
          && count < previous.size()
          && TransferJson.hasText(parser, previous.get(count))) {
        count++;
        continue;
      }
      if (strings == null) {
        strings = new ArrayList<>(previous.subList(0, count));
      }
      strings.add(readString(parser, field));
      count++;
    }
    if (strings == null) {
      return count == previous.size() ? previous : new ArrayList<>(previous.subList(0, count));
    }
    return strings;
  }

  static List<JsonNode> readValues(JsonParser parser, String field) throws IOException {
    return readValues(parser, field, null);
  }

  /**
   * The values, with each string kept as its span of {@code body} ({@link BodyText}), the whole
   * array the parser reads, or read by Jackson when it is null. A string's closing quote is found
   * from where the next token starts, once Jackson has skipped (and so checked) the string.
   */
  static List<JsonNode> readValues(JsonParser parser, String field, byte[] body)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    requireArray(parser, field);
    List<JsonNode> values = new ArrayList<>();
    int pendingQuote = -1;
    for (JsonToken token = parser.nextToken(); ; token = parser.nextToken()) {
      boolean kept = body != null && token == JsonToken.VALUE_STRING;
      int tokenStart = kept || pendingQuote >= 0 ? TransferJson.tokenStart(parser, body) : -1;
      if (pendingQuote >= 0) {
        values.add(new BodyText(body, pendingQuote, closingQuoteBefore(body, tokenStart)));
        pendingQuote = -1;
      }
      if (token == JsonToken.END_ARRAY) {
        return values;
      }
      if (kept && tokenStart >= 0 && body[tokenStart] == '"') {
        pendingQuote = tokenStart;
      } else {
        values.add(TransferJson.readValue(parser));
      }
    }
  }

  /**
   * The closing quote of the string value before the token at {@code next}: back over the white
   * space and the one comma that may separate them; -1 if that is not a quote.
   */
  private static int closingQuoteBefore(byte[] body, int next) {
    int i = next - 1;
    boolean comma = false;
    for (; i >= 0; i--) {
      byte b = body[i];
      if (b == ',' && !comma) {
        comma = true;
      } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        break;
      }
    }
    return i >= 0 && body[i] == '"' ? i : -1;
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
    if (value instanceof Base64Text base64) {
      base64.writeTo(out);
    } else if (value.isTextual()) {
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
