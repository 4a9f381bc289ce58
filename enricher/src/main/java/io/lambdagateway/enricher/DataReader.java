package io.lambdagateway.enricher;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.lambdagateway.transfer.TransferJson;
import java.io.IOException;

/**
 * Reads the {@code data} JSON of the rows of one record: its {@code appid}, {@code identity} and
 * {@code payload}. It must be one JSON object (as {@code JSON.parse} would judge it, except that
 * invalid UTF-8 is an error rather than U+FFFD); for repeated keys the last one wins, as in {@code
 * JSON.parse}; absent fields are JSON null.
 *
 * <p>An object or array {@code payload} is validated by the parser and then kept as its original
 * JSON text ({@link RawJson}): no tree is built and no number re-encoded, so its numbers survive
 * digit for digit.
 *
 * <p>Speed: creating a Jackson parser per row cost about a tenth of a transform, so one
 * non-blocking parser is fed row after row. It only takes the plain path (an object of string,
 * null, object or array members, then nothing but whitespace); any other row, and any error, is
 * read again by a fresh parser of its own ({@link #readAlone}), which decides the result and the
 * error message, and the fed parser is replaced. Not thread-safe: one per record being enriched.
 */
final class DataReader implements AutoCloseable {

  private JsonParser fedParser;
  private ByteArrayFeeder feeder;
  private long bytesFed;

  /** The fields of the row's {@code data}. */
  DataFields read(QueryRow row) throws BadRowException {
    DataFields data = readFed(row);
    return data != null ? data : readAlone(row);
  }

  @Override
  public void close() {
    discardFedParser();
  }

  /** The fields, or null when the row left the plain path (the fed parser is then replaced). */
  DataFields readFed(QueryRow row) {
    try {
      if (fedParser == null) {
        fedParser = TransferJson.factory().createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder) fedParser.getNonBlockingInputFeeder();
        bytesFed = 0;
      }
      long rowStart = bytesFed;
      feeder.feedInput(row.dataBytes(), row.dataOffset(), row.dataOffset() + row.dataLength());
      bytesFed += row.dataLength();
      DataFields data = readPlainObject(row, rowStart);
      if (data != null && fedParser.nextToken() == JsonToken.NOT_AVAILABLE) {
        return data;
      }
    } catch (IOException irregular) {
      // falls through: the row is read again on its own, which reports any error
    }
    discardFedParser();
    return null;
  }

  private DataFields readPlainObject(QueryRow row, long rowStart) throws IOException {
    if (fedParser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    DataFields data = new DataFields();
    JsonToken token;
    while ((token = fedParser.nextToken()) == JsonToken.FIELD_NAME) {
      String field = fedParser.currentName();
      JsonToken value = fedParser.nextToken();
      JsonNode node =
          switch (value) {
            case VALUE_STRING -> TextNode.valueOf(fedParser.getText());
            case VALUE_NULL -> NullNode.getInstance();
            case START_OBJECT, START_ARRAY -> skipToRawJson(row, rowStart);
            default -> null;
          };
      if (node == null) {
        return null;
      }
      data.set(field, node);
    }
    return token == JsonToken.END_OBJECT ? data : null;
  }

  /**
   * Skips the current object or array and returns its text; null if the input ends inside it or the
   * parser's offsets do not frame it (they are checked, not trusted).
   */
  private JsonNode skipToRawJson(QueryRow row, long rowStart) throws IOException {
    // The non-blocking parser locates a start token just after its bracket.
    int start =
        row.dataOffset() + (int) (fedParser.currentTokenLocation().getByteOffset() - rowStart) - 1;
    // skipChildren() would spin on NOT_AVAILABLE, so nesting is counted here.
    for (int depth = 1; depth > 0; ) {
      JsonToken token = fedParser.nextToken();
      if (token == JsonToken.NOT_AVAILABLE || token == null) {
        return null;
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
    int end = row.dataOffset() + (int) (fedParser.currentLocation().getByteOffset() - rowStart);
    return frames(row.dataBytes(), start, end) ? rawJson(row, start, end) : null;
  }

  /** True when {@code bytes[start, end)} opens and closes with a matching bracket pair. */
  private static boolean frames(byte[] bytes, int start, int end) {
    if (start < 0 || end <= start + 1 || end > bytes.length) {
      return false;
    }
    byte open = bytes[start];
    byte close = bytes[end - 1];
    return open == '{' && close == '}' || open == '[' && close == ']';
  }

  private void discardFedParser() {
    if (fedParser != null) {
      try {
        fedParser.close();
      } catch (IOException ignored) {
        // An in-memory parser has nothing to release that could fail.
      }
      fedParser = null;
      feeder = null;
    }
  }

  /** Reads the row's data with a parser of its own: the reference behaviour and messages. */
  static DataFields readAlone(QueryRow row) throws BadRowException {
    try (JsonParser parser =
        TransferJson.factory().createParser(row.dataBytes(), row.dataOffset(), row.dataLength())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRowException("'data' is not a JSON object");
      }
      DataFields data = new DataFields();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          // Parser offsets count from the start of the data range, not of the buffer.
          int start = row.dataOffset() + (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          int end = row.dataOffset() + (int) parser.currentLocation().getByteOffset();
          data.set(field, rawJson(row, start, end));
        } else if (DataFields.isColumn(field)) {
          data.set(field, readColumnScalar(parser, field));
        }
        // Other scalars are not columns: left unconverted, so a number JSON.parse reads as
        // Infinity (1e9999999999) does not fail the row.
      }
      if (parser.nextToken() != null) {
        throw new BadRowException("'data' is not JSON: content after the object");
      }
      return data;
    } catch (JsonProcessingException notJson) {
      throw new BadRowException("'data' is not JSON: " + shortReason(notJson));
    } catch (IOException unreadable) {
      throw new BadRowException("'data' is unreadable: " + unreadable.getMessage());
    }
  }

  /** A column's scalar value; a number beyond BigDecimal's range is a bad row, not a crash. */
  private static JsonNode readColumnScalar(JsonParser parser, String field)
      throws IOException, BadRowException {
    try {
      return TransferJson.readValue(parser);
    } catch (NumberFormatException outOfRange) {
      throw new BadRowException("'" + field + "' in 'data' is a number out of range");
    }
  }

  private static JsonNode rawJson(QueryRow row, int start, int end) {
    return JsonNodeFactory.instance.rawValueNode(
        new RawValue(new RawJson(row.dataBytes(), start, end - start)));
  }

  /** Jackson's reason without its location suffixes, which name no useful source here. */
  private static String shortReason(JsonProcessingException e) {
    String reason = e.getOriginalMessage();
    for (String suffix : new String[] {"\n", " (start marker", " at [Source"}) {
      int start = reason.indexOf(suffix);
      if (start >= 0) {
        reason = reason.substring(0, start);
      }
    }
    return reason;
  }

  /** The parts of {@code data} that become columns; JSON null when absent. */
  static final class DataFields {
    JsonNode payload = NullNode.getInstance();
    JsonNode appid = NullNode.getInstance();
    JsonNode identity = NullNode.getInstance();

    static boolean isColumn(String field) {
      return "payload".equals(field) || "appid".equals(field) || "identity".equals(field);
    }

    /** Keeps the value of a field that becomes a column; the last of repeated keys wins. */
    void set(String field, JsonNode value) {
      switch (field) {
        case "payload" -> payload = value;
        case "appid" -> appid = value;
        case "identity" -> identity = value;
        default -> {
          // other fields of data are not columns
        }
      }
    }
  }
}
