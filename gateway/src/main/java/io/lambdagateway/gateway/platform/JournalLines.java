package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.json.Json;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line format of the Event journal: one JSON object per line, {@code
 * {"id","function","acceptedAt","payload"}} (epoch milliseconds, payload in base64) when an event
 * is accepted, {@code {"done":id}} when it has finished. Replaying the lines in order gives the
 * events still to run.
 */
final class JournalLines {

  private JournalLines() {}

  /** The events still to run after {@code lines}, in the order they were accepted. */
  record Replay(Map<String, QueuedEvent> live, int unreadable, int firstUnreadableLine) {}

  static byte[] accepted(QueuedEvent event) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("id", event.requestId());
    line.put("function", event.functionName());
    line.put("acceptedAt", event.acceptedAt().toEpochMilli());
    line.put("payload", Base64.getEncoder().encodeToString(event.payload().getBytes()));
    return terminated(Json.bytes(line));
  }

  static byte[] done(String requestId) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("done", requestId);
    return terminated(Json.bytes(line));
  }

  /**
   * Reads every line; a line that is not one of the two shapes (a write cut short by a crash, a
   * damaged disk block) is counted and skipped.
   */
  static Replay replay(BufferedReader lines) throws IOException {
    Map<String, QueuedEvent> live = new LinkedHashMap<>();
    int unreadable = 0;
    int firstUnreadable = 0;
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (!apply(line, live)) {
        unreadable++;
        firstUnreadable = firstUnreadable == 0 ? number : firstUnreadable;
      }
    }
    return new Replay(live, unreadable, firstUnreadable);
  }

  private static boolean apply(String line, Map<String, QueuedEvent> live) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (IOException notJson) {
      return false;
    }
    if (node == null || !node.isObject()) {
      return false;
    }
    if (node.path("done").isTextual()) {
      live.remove(node.get("done").asText());
      return true;
    }
    QueuedEvent event = event(node);
    if (event == null) {
      return false;
    }
    live.put(event.requestId(), event);
    return true;
  }

  private static QueuedEvent event(JsonNode node) {
    JsonNode id = node.path("id");
    JsonNode function = node.path("function");
    JsonNode acceptedAt = node.path("acceptedAt");
    JsonNode payload = node.path("payload");
    if (!id.isTextual()
        || !function.isTextual()
        || !acceptedAt.canConvertToLong()
        || !payload.isTextual()) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(payload.asText());
      return new QueuedEvent(
          id.asText(),
          function.asText(),
          Instant.ofEpochMilli(acceptedAt.asLong()),
          Buffer.buffer(bytes));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static byte[] terminated(byte[] json) {
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }
}
