package io.lambdagateway.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Cheap checks on JSON bytes with Jackson's streaming parser: nothing is materialised, so a 6 MB
 * payload costs one pass and no tree.
 */
public final class JsonScan {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonScan() {}

  /** Null when {@code json} is exactly one JSON value, else the parser's complaint. */
  public static String problem(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        return "No content to map due to end-of-input";
      }
      parser.skipChildren();
      JsonToken trailing = parser.nextToken();
      return trailing == null
          ? null
          : "Unexpected trailing token " + trailing + " at " + parser.currentLocation();
    } catch (JsonProcessingException malformed) {
      return "Could not parse payload into json: " + malformed.getOriginalMessage();
    } catch (IOException unreadable) {
      return "Could not parse payload into json: " + unreadable.getMessage();
    }
  }

  /**
   * False only when {@code json} certainly has no key {@code field} anywhere: the quoted name does
   * not occur and there is no backslash-u escape that could spell it. A byte search, much cheaper
   * than parsing, so large payloads without the key skip {@link #hasTopLevelField}.
   */
  public static boolean mayHaveKey(byte[] json, String field) {
    // one byte per char (ISO-8859-1) turns the search into String.indexOf, a JVM intrinsic
    String text = new String(json, StandardCharsets.ISO_8859_1);
    return text.contains("\"" + field + "\"") || text.contains("\\u");
  }

  /**
   * True when {@code json} is an object with the top-level {@code field}; false for any other
   * value, including malformed JSON.
   */
  public static boolean hasTopLevelField(byte[] json, String field) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (field.equals(parser.currentName())) {
          return true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException malformed) {
      return false;
    }
  }

  /** The name of the first field of a top-level object, or null when it is not an object. */
  public static String firstField(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parser.nextToken() == JsonToken.START_OBJECT
              && parser.nextToken() == JsonToken.FIELD_NAME
          ? parser.currentName()
          : null;
    } catch (IOException malformed) {
      return null;
    }
  }
}
