package io.lambdagateway.gateway.http.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * Coverage-guided fuzzing of the function-URL event mapping (Jazzer): any path, query, headers and
 * body give a payload-format-2.0 event that is JSON and carries the body exactly (as text or as
 * base64). In a normal build it replays only the saved inputs under {@code
 * src/test/resources/.../FunctionUrlEventFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes for {@code maxDuration} (docs/development.md, "Fuzzing").
 */
@DisplayName("Function-URL event mapping, fuzzed")
class FunctionUrlEventFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> HEADER_NAMES =
      List.of("Content-Type", "Cookie", "Host", "User-Agent", "X-Forwarded-For");

  @FuzzTest(maxDuration = "30s")
  @DisplayName("Any request: a JSON event whose body decodes to the bytes received")
  void anyRequest(FuzzedDataProvider data) throws IOException {
    String rawPath = data.consumeString(200);
    String rawQuery = data.consumeString(200);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    int headerCount = data.consumeInt(0, 6);
    for (int i = 0; i < headerCount; i++) {
      String name = data.consumeBoolean() ? data.pickValue(HEADER_NAMES) : data.consumeString(20);
      headers.add(Map.entry(name, data.consumeString(100)));
    }
    byte[] body = data.consumeRemainingAsBytes();
    UrlRequest request =
        new UrlRequest(
            "POST",
            rawPath,
            rawQuery,
            headers,
            body,
            "HTTP/1.1",
            "127.0.0.1",
            "req-1",
            Instant.EPOCH,
            "fuzz");

    ObjectNode event = FunctionUrlEvent.build(request);

    // compared as text: a number read back may be another node type (0L becomes an int node)
    byte[] json = JSON.writeValueAsBytes(event);
    assertThat(JSON.writeValueAsBytes(JSON.readTree(json))).isEqualTo(json);
    assertThat(bodyOf(event)).isEqualTo(body);
  }

  private static byte[] bodyOf(ObjectNode event) {
    JsonNode body = event.get("body");
    if (body == null) {
      return new byte[0];
    }
    return event.get("isBase64Encoded").booleanValue()
        ? Base64.getDecoder().decode(body.textValue())
        : body.textValue().getBytes(StandardCharsets.UTF_8);
  }
}
