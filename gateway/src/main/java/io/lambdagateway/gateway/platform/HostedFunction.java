package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.LambdaFunction;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A function registered in the gateway under a name, with the settings Lambda keeps per function:
 * the platform's record of a {@link LambdaFunction}, not a second way to write one.
 *
 * @param name the function name (also the first path segment of its function URL)
 * @param function the implementation
 * @param timeout how long a call may run before {@code Sandbox.Timedout}
 * @param memorySizeMb the memory size reported by GetFunction and REPORT lines (informational)
 * @param reservedConcurrency the most calls of this function running at once; empty = no limit, 0 =
 *     throttle every call (as a reserved concurrency of 0 does on AWS)
 * @param facts what GetFunction reports about its code and configuration besides the above
 */
public record HostedFunction(
    String name,
    LambdaFunction function,
    Duration timeout,
    int memorySizeMb,
    OptionalInt reservedConcurrency,
    FunctionFacts facts) {

  /** A function compiled into the gateway, with {@link FunctionFacts#inProcess} facts. */
  public HostedFunction(
      String name,
      LambdaFunction function,
      Duration timeout,
      int memorySizeMb,
      OptionalInt reservedConcurrency) {
    this(
        name,
        function,
        timeout,
        memorySizeMb,
        reservedConcurrency,
        FunctionFacts.inProcess(name, function));
  }

  /** The same function with another reserved concurrency. */
  public HostedFunction withReservedConcurrency(OptionalInt reserved) {
    return new HostedFunction(name, function, timeout, memorySizeMb, reserved, facts);
  }

  /** The same function with other facts (tags, revision). */
  public HostedFunction withFacts(FunctionFacts newFacts) {
    return new HostedFunction(name, function, timeout, memorySizeMb, reservedConcurrency, newFacts);
  }
}
