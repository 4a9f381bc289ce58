package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.FunctionError;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The errors a call gets when its environment fails under it, each as Lambda words it, given the
 * request id of the call: kept apart so the lifecycle reads as what happens, not how it is worded.
 */
final class EnvironmentFailures {

  private EnvironmentFailures() {}

  /** The environment was stopped (gateway shutdown, function redefined). */
  static Function<String, FunctionError> stopped() {
    return id -> new FunctionError("Runtime.ExitError", "RequestId: " + id + " Error: stopped");
  }

  /** The runtime did not ask for its first event within {@code initTimeout}. */
  static Function<String, FunctionError> initTimedOut(Duration initTimeout) {
    String seconds = String.format(Locale.ROOT, "%.2f", initTimeout.toMillis() / 1000.0);
    return id ->
        new FunctionError(
            "Sandbox.Timedout",
            "RequestId: " + id + " Error: init timed out after " + seconds + " seconds");
  }

  /** The process or its listener could not be started. */
  static Function<String, FunctionError> invalidEntrypoint(Throwable cause) {
    return id ->
        new FunctionError(
            "Runtime.InvalidEntrypoint", "RequestId: " + id + " Error: " + cause.getMessage());
  }

  /** The process ended with {@code status} (as {@link EnvironmentProcess#exitStatus} words it). */
  static Function<String, FunctionError> exited(String status) {
    return id ->
        new FunctionError(
            "Runtime.ExitError",
            "RequestId: " + id + " Error: Runtime exited with error: " + status);
  }
}
