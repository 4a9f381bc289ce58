package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.InvocationLog;
import io.vertx.core.buffer.Buffer;

/**
 * How one invocation ended: a payload or a function error, plus its log and duration.
 *
 * @param payload the response bytes; null when {@link #error()} is set
 * @param error the function error (thrown, timed out, response too large), or null
 * @param log the invocation's log, START to REPORT
 * @param durationMillis how long the function ran, as REPORT shows it
 */
public record InvocationOutcome(
    Buffer payload, FunctionError error, InvocationLog log, double durationMillis) {

  public boolean failed() {
    return error != null;
  }
}
