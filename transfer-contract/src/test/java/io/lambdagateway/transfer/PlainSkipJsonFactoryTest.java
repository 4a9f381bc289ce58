package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The codec's parsers skip plain strings their own way ({@link PlainSkipJsonFactory}); everything a
 * caller can see must be what Jackson's own parser gives: tokens, locations, texts read after
 * skipped ones, and the errors of broken input, word for word.
 */
@DisplayName("The codec's parsers read exactly as Jackson's own")
class PlainSkipJsonFactoryTest {

  private static final JsonFactory JACKSON = new JsonFactory();

  /** String bodies that end the plain run in every way: escapes, controls, UTF-8, no quote. */
  private static final String[] STRINGS = {
    "",
    "a",
    "plain text of some length, longer than a word",
    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=",
    "with \\\"escaped\\\" quotes",
    "back\\\\slash",
    "unicode \\u00e9 escape",
    "café ☕ 🚀",
    "del \u007f byte",
    "tab\tinside",
    "new\nline",
    "bad \\x escape",
    "bad \\u12 escape",
  };

  @Test
  @DisplayName("give the same tokens, offsets and texts, skipping some strings and reading others")
  void sameTokens() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 3_000; round++) {
      String json = document(random);
      long readMask = random.nextLong();
      assertThat(events(TransferJson.factory(), json, readMask))
          .as(json)
          .isEqualTo(events(JACKSON, json, readMask));
    }
  }

  @Test
  @DisplayName("fail broken input with Jackson's own messages")
  void sameErrors() throws IOException {
    for (String json :
        new String[] {
          "[\"unterminated", "[\"abc\" \"def\"]", "[\"ctl \u0001\"]", "{\"a\":\"x\\q\"}", "[\"é"
        }) {
      assertThat(events(TransferJson.factory(), json, 0)).isEqualTo(events(JACKSON, json, 0));
    }
  }

  @Test
  @DisplayName("use Jackson's parser unchanged for UTF-16 and for a byte order mark")
  void otherEncodingsAreJacksons() throws IOException {
    byte[] utf8 = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    byte[] utf16 = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = ("\uFEFF{\"a\":\"b\"}").getBytes(StandardCharsets.UTF_8);
    try (JsonParser fast = TransferJson.factory().createParser(utf8);
        JsonParser wide = TransferJson.factory().createParser(utf16);
        JsonParser marked = TransferJson.factory().createParser(bom)) {
      assertThat(fast.getClass()).isNotEqualTo(UTF8StreamJsonParser.class);
      assertThat(wide.getClass()).isNotEqualTo(fast.getClass());
      assertThat(marked.getClass()).isEqualTo(UTF8StreamJsonParser.class);
    }
    assertThat(events(TransferJson.factory(), new String(utf16, StandardCharsets.UTF_16LE), 0))
        .isEqualTo(events(JACKSON, "{\"a\":\"b\"}", 0));
  }

  /** An array of objects, strings, numbers and nested arrays, with random spacing. */
  private static String document(Random random) {
    StringBuilder json = new StringBuilder("[");
    int values = 1 + random.nextInt(8);
    for (int i = 0; i < values; i++) {
      if (i > 0) {
        json.append(random.nextBoolean() ? "," : " ,\n ");
      }
      switch (random.nextInt(4)) {
        case 0 -> json.append('"').append(STRINGS[random.nextInt(STRINGS.length)]).append('"');
        case 1 ->
            json.append("{\"k")
                .append(i)
                .append("\":\"")
                .append(STRINGS[random.nextInt(STRINGS.length)])
                .append("\"}");
        case 2 -> json.append(random.nextInt(1000));
        default ->
            json.append("[\"").append(STRINGS[random.nextInt(STRINGS.length)]).append("\",null]");
      }
    }
    return json.append(']').toString();
  }

  /**
   * Every token with its offsets; a string's text only where {@code readMask}'s bit for it is set
   * (otherwise the parser skips it); the error message if the input is broken.
   */
  private static List<String> events(JsonFactory factory, String json, long readMask)
      throws IOException {
    List<String> events = new ArrayList<>();
    try (JsonParser parser = factory.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      int strings = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        String text =
            token == JsonToken.VALUE_STRING && (readMask >>> (strings++ & 63) & 1) == 0
                ? "(skipped)"
                : parser.getText();
        events.add(
            token
                + " "
                + text
                + " at "
                + parser.currentTokenLocation().getByteOffset()
                + " to "
                + parser.currentLocation().getByteOffset());
      }
    } catch (JsonProcessingException broken) {
      events.add("error: " + broken.getOriginalMessage());
    }
    return events;
  }
}
