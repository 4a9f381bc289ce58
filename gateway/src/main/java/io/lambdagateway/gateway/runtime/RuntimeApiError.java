package io.lambdagateway.gateway.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.transfer.LambdaLimits;

/**
 * A refusal of the Runtime API, with the status and JSON body AWS's Runtime API (and RIE's {@code
 * rapi} handlers) give it.
 *
 * @param status the HTTP status
 * @param errorType the body's {@code errorType}
 * @param errorMessage the body's {@code errorMessage}
 */
record RuntimeApiError(int status, String errorType, String errorMessage) {

  /** A request for an invocation that is not the one outstanding. */
  static RuntimeApiError invalidRequestId() {
    return new RuntimeApiError(400, "InvalidRequestID", "Invalid request ID");
  }

  /** A call the runtime's current state does not allow (nothing outstanding, answered twice). */
  static RuntimeApiError invalidStateTransition(String from, String to) {
    return new RuntimeApiError(
        403,
        "InvalidStateTransition",
        "State transition from "
            + from
            + " to "
            + to
            + " failed for runtime. Error: State transition is not allowed");
  }

  /** A response or error body over {@link LambdaLimits#MAX_RESPONSE_BYTES}. */
  static RuntimeApiError tooLarge() {
    return new RuntimeApiError(
        413,
        "RequestEntityTooLarge",
        "Exceeded maximum allowed payload size (" + LambdaLimits.MAX_RESPONSE_BYTES + " bytes).");
  }

  /** The environment is shutting down; AWS's runtimes exit on a 500. */
  static RuntimeApiError internal() {
    return new RuntimeApiError(500, "InternalServerError", "Internal Server Error");
  }

  static RuntimeApiError notFound() {
    return new RuntimeApiError(404, "NotFound", "No such Runtime API resource");
  }

  ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("errorMessage", errorMessage);
    body.put("errorType", errorType);
    return body;
  }
}
