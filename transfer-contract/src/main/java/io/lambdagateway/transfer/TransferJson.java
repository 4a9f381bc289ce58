package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The JSON settings of Transfer's batches, shared by the codec and by functions that read their own
 * JSON out of a batch: one immutable mapper and its factory, and the small parsing helpers the
 * batch and change-item codecs share.
 *
 * <p>Numbers in free-form values (column values, payloads) keep their exact value: integers beyond
 * a long become BigInteger, decimals become BigDecimal with their trailing zeros kept.
 */
public final class TransferJson {

  static final ObjectMapper MAPPER =
      JsonMapper.builder(new PlainSkipJsonFactory())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  static final JsonFactory FACTORY = MAPPER.getFactory();

  private TransferJson() {}

  /**
   * The factory of the codec's parsers and generators. Shared: create parsers and generators with
   * it, never reconfigure it.
   */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * The parser's current value as a column value, with exact numbers; strings and nulls, the usual
   * column values, skip the tree reader.
   *
   * @throws NumberFormatException for a number beyond BigDecimal's range, as 1e9999999999
   */
  public static JsonNode readValue(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_STRING -> TextNode.valueOf(parser.getText());
      case VALUE_NULL -> NullNode.getInstance();
      default -> MAPPER.readTree(parser);
    };
  }

  /** A JSON text as a tree, with exact numbers. */
  public static JsonNode readTree(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /** A tree as compact JSON text, field order and number digits kept. */
  public static String write(JsonNode tree) throws JsonProcessingException {
    return MAPPER.writeValueAsString(tree);
  }

  /** The current token as a string; JSON null reads as the empty string, as in Go. */
  static String readString(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return "";
    }
    throw malformed(parser, "'" + field + "' must be a string, found " + describe(token));
  }

  /** The current token as an unsigned 64-bit integer, exact; JSON null reads as 0. */
  static long readUnsigned(JsonParser parser, String field, long max) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (fitsLongUnsigned(parser)) {
        long value = parser.getLongValue();
        if (Long.compareUnsigned(value, max) <= 0) {
          return value;
        }
      }
      String digits = parser.getText();
      try {
        long value = Long.parseUnsignedLong(digits);
        if (Long.compareUnsigned(value, max) <= 0) {
          return value;
        }
      } catch (NumberFormatException outOfRange) {
        // falls through to the common message below
      }
      throw malformed(parser, "'" + field + "' is out of range: " + digits);
    }
    throw malformed(
        parser, "'" + field + "' must be an unsigned integer, found " + describe(token));
  }

  /**
   * True when the current integer is one of a long's non-negative values, so {@code getLongValue}
   * reads it exactly, without the {@code String} of its digits (reading those was a tenth of what
   * the pipeline allocated reading answers). A {@code -0}, which is 0 as a long but no unsigned
   * integer, has its minus sign.
   */
  private static boolean fitsLongUnsigned(JsonParser parser) throws IOException {
    JsonParser.NumberType type = parser.getNumberType();
    return (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG)
        && parser.getTextCharacters()[parser.getTextOffset()] != '-';
  }

  /**
   * True when the current string token holds exactly {@code text}, compared on the parser's own
   * characters, without making a {@code String} of them.
   */
  static boolean hasText(JsonParser parser, String text) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING
        || parser.getTextLength() != text.length()) {
      return false;
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    for (int i = 0; i < text.length(); i++) {
      if (chars[offset + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The current token as {@link #readString}, as the {@code previous} instance when equal. */
  static String readString(JsonParser parser, String field, String previous) throws IOException {
    return hasText(parser, previous) ? previous : readString(parser, field);
  }

  /** The current token as a signed 32-bit integer; JSON null reads as 0. */
  static int readInt(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    boolean isInt =
        token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
    if (isInt) {
      return parser.getIntValue();
    }
    throw malformed(parser, "'" + field + "' must be a 32-bit integer, found " + describe(token));
  }

  /** Fails unless the current token starts an array. */
  static void requireArray(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw malformed(
          parser, "'" + field + "' must be an array, found " + describe(parser.currentToken()));
    }
  }

  /** Writes {@code "name":"value"} with a pre-encoded name. */
  static void writeStringField(JsonGenerator out, SerializableString name, String value)
      throws IOException {
    out.writeFieldName(name);
    out.writeString(value);
  }

  /** Where the parser's current token starts in {@code body}, or -1 if that is not known. */
  static int tokenStart(JsonParser parser, byte[] body) {
    long offset = parser.currentTokenLocation().getByteOffset();
    return offset >= 0 && offset < body.length ? (int) offset : -1;
  }

  static MalformedBatchException malformed(JsonParser parser, String message) {
    long offset = parser.currentTokenLocation().getByteOffset();
    if (offset < 0) {
      offset = parser.currentTokenLocation().getCharOffset();
    }
    return new MalformedBatchException(message + " (at offset " + offset + ")");
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }
}
