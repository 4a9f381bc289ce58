package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The invocation record Lambda sends to an asynchronous invocation's on-failure destination: {@code
 * version}, {@code timestamp}, {@code requestContext{requestId, functionArn, condition,
 * approximateInvokeCount}}, {@code requestPayload}, {@code responseContext{statusCode,
 * executedVersion, functionError}} and {@code responsePayload} (the last two only when the event
 * ran at least once).
 */
public final class InvocationRecord {

  /** The event failed its first attempt and every retry. */
  public static final String RETRIES_EXHAUSTED = "RetriesExhausted";

  /** The event got older than the maximum event age before it could run again. */
  public static final String EVENT_AGE_EXCEEDED = "EventAgeExceeded";

  private InvocationRecord() {}

  /**
   * @param qualifiedArn the function's ARN with its version, as Lambda writes it
   * @param attempts how often the function was called
   * @param lastFailure how the last attempt failed; null when there was none
   */
  static ObjectNode of(
      QueuedEvent event,
      String qualifiedArn,
      String condition,
      int attempts,
      EventFailure lastFailure,
      Instant now) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("version", "1.0");
    record.put("timestamp", now.toString());
    ObjectNode request = record.putObject("requestContext");
    request.put("requestId", event.requestId());
    request.put("functionArn", qualifiedArn);
    request.put("condition", condition);
    request.put("approximateInvokeCount", attempts);
    record.set("requestPayload", payload(event.payload().getBytes()));
    if (lastFailure != null) {
      ObjectNode response = record.putObject("responseContext");
      response.put("statusCode", lastFailure.statusCode());
      response.put("executedVersion", "$LATEST");
      if (lastFailure.functionError() != null) {
        response.put("functionError", lastFailure.functionError());
      }
      record.set("responsePayload", lastFailure.payload());
    }
    return record;
  }

  /** The event as JSON, as Lambda embeds it; an event that is not JSON as a string. */
  private static JsonNode payload(byte[] bytes) {
    try {
      JsonNode parsed = Json.MAPPER.readTree(bytes);
      if (parsed != null && !parsed.isMissingNode()) {
        return parsed;
      }
    } catch (IOException notJson) {
      // kept as text below
    }
    return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
  }
}
