package io.lambdagateway.gateway.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A user's function as the gateway hosts it in execution environments of its own: what {@code
 * --function}, {@code GATEWAY_FUNCTIONS} and a SAM/CloudFormation template all come down to.
 *
 * @param name the function name (Invoke API path segment, function-URL path)
 * @param runtime the kind of runtime that runs the handler
 * @param codeDir the function's code, a directory (a zip is extracted into one first)
 * @param handler the handler, in the runtime's own notation ({@code main.handler} for Node.js and
 *     Python, {@code pkg.Class::method} for Java, ignored by {@code provided})
 * @param timeout how long one invocation may run before {@code Sandbox.Timedout}
 * @param memoryMb the memory size, passed to the runtime (e.g. Node's heap limit)
 * @param reservedConcurrency the most environments of this function at once; empty = unreserved
 *     (bounded only by the gateway-wide limit, as on AWS)
 * @param env the function's own environment variables
 */
public record FunctionSpec(
    String name,
    Runtime runtime,
    Path codeDir,
    String handler,
    Duration timeout,
    int memoryMb,
    OptionalInt reservedConcurrency,
    Map<String, String> env) {

  public FunctionSpec {
    env = Map.copyOf(env);
  }

  /** The runtimes the gateway can start, by their name in {@code runtime=} and templates. */
  public enum Runtime {
    NODEJS("nodejs"),
    PYTHON("python"),
    JAVA("java"),
    PROVIDED("provided");

    private final String specName;

    Runtime(String specName) {
      this.specName = specName;
    }

    public String specName() {
      return specName;
    }
  }
}
