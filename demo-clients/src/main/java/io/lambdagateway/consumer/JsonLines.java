package io.lambdagateway.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a Kafka record value into exactly one line of JSON. A value that is one JSON document is
 * re-encoded compactly with its key order and number text intact (pretty-printed or multi-line JSON
 * becomes one line); any other value, including an empty one, is written as a JSON string; a
 * missing (tombstone) value as {@code null}.
 */
public final class JsonLines {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonLines() {}

  /** The one-line JSON form of {@code value}; never contains a line break. */
  public static String toLine(String value) {
    if (value == null) {
      return "null";
    }
    try {
      JsonNode document = MAPPER.readTree(value);
      return MAPPER.writeValueAsString(
          document == null || document.isMissingNode() ? value : document);
    } catch (JsonProcessingException notJson) {
      return quote(value);
    }
  }

  private static String quote(String value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a string as JSON", e);
    }
  }
}
