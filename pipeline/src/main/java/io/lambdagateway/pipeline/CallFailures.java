package io.lambdagateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.pipeline.InvocationException.Failure;
import io.lambdagateway.transfer.TransferJson;
import java.io.IOException;

/**
 * Tells which {@link Failure} a failed call is, from what Lambda answers (lambda-conformance A23,
 * A28, A33): 413 is the request size limit; a function error of type {@code
 * Function.ResponseSizeTooLarge} the response size limit; {@code Sandbox.Timedout} a timeout, which
 * may pass next time; any other function error the function's own. A function URL answers every
 * function error and timeout with 502; the gateway adds the {@code errorType} to that body, real
 * Lambda does not, so there a 502 counts as a function error. Every other status is transient.
 */
final class CallFailures {

  static final String RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";
  static final String TIMED_OUT = "Sandbox.Timedout";
  private static final int PAYLOAD_TOO_LARGE = 413;
  private static final int BAD_GATEWAY = 502;

  private CallFailures() {}

  /** A function error whose body (the function's error JSON) is {@code body}. */
  static Failure ofFunctionError(byte[] body) {
    return switch (errorType(body)) {
      case RESPONSE_TOO_LARGE -> Failure.TOO_LARGE;
      case TIMED_OUT -> Failure.TRANSIENT;
      default -> Failure.FUNCTION_ERROR;
    };
  }

  /** A non-2xx status; {@code functionUrl} when the call went to a function URL. */
  static Failure ofStatus(int status, boolean functionUrl, byte[] body) {
    if (status == PAYLOAD_TOO_LARGE) {
      return Failure.TOO_LARGE;
    }
    return functionUrl && status == BAD_GATEWAY ? ofFunctionError(body) : Failure.TRANSIENT;
  }

  private static String errorType(byte[] body) {
    try {
      JsonNode type = TransferJson.readTree(body).path("errorType");
      return type.isTextual() ? type.textValue() : "";
    } catch (IOException | RuntimeException notJson) {
      return "";
    }
  }
}
