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
 * @param runtimeId the runtime as GetFunction reports it: AWS's identifier when the definition gave
 *     one ({@code nodejs20.x}, {@code python3.12}), else {@link Runtime#defaultId}
 */
public record FunctionSpec(
    String name,
    Runtime runtime,
    Path codeDir,
    String handler,
    Duration timeout,
    int memoryMb,
    OptionalInt reservedConcurrency,
    Map<String, String> env,
    String runtimeId) {

  public FunctionSpec {
    env = Map.copyOf(env);
  }

  /** A spec whose runtime is reported by its {@link Runtime#defaultId}. */
  public FunctionSpec(
      String name,
      Runtime runtime,
      Path codeDir,
      String handler,
      Duration timeout,
      int memoryMb,
      OptionalInt reservedConcurrency,
      Map<String, String> env) {
    this(
        name,
        runtime,
        codeDir,
        handler,
        timeout,
        memoryMb,
        reservedConcurrency,
        env,
        runtime.defaultId());
  }

  /** The runtimes the gateway can start, by their name in {@code runtime=} and templates. */
  public enum Runtime {
    // The interpreter's own version is not pinned here, so a short name reports the family; a
    // provided bootstrap runs on this host's OS, which the name of AWS's OS-only runtime fits.
    NODEJS("nodejs", "nodejs"),
    PYTHON("python", "python3"),
    JAVA("java", "java17"),
    PROVIDED("provided", "provided.al2023");

    private final String specName;
    private final String defaultId;

    Runtime(String specName, String defaultId) {
      this.specName = specName;
      this.defaultId = defaultId;
    }

    public String specName() {
      return specName;
    }

    /** What GetFunction reports when the definition named only the family. */
    public String defaultId() {
      return defaultId;
    }
  }
}
