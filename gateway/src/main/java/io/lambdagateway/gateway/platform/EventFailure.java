package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.function.FunctionError;

/**
 * How one attempt of an Event invocation failed, as its invocation record's {@code responseContext}
 * and {@code responsePayload} say it.
 *
 * @param statusCode 200 for a function error (as Lambda reports those), 429 for a throttle
 * @param functionError {@code Unhandled} for a function error, null otherwise
 * @param payload the error body
 */
record EventFailure(int statusCode, String functionError, JsonNode payload) {

  /** A function error the Invoker reported. */
  static EventFailure of(FunctionError error) {
    return new EventFailure(200, "Unhandled", error.toJson());
  }

  /** A failure of the call itself: a throttle, or anything thrown on the way to the function. */
  static EventFailure of(Throwable failure) {
    if (failure instanceof Throttled throttled) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("Type", "User");
      body.put("message", "Rate Exceeded.");
      body.put("Reason", throttled.reason());
      return new EventFailure(429, null, body);
    }
    return of(FunctionError.of(failure));
  }
}
