package io.lambdagateway.gateway.runtime.define;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A function as the Lambda API's CreateFunction and Update* calls describe it, checked by the same
 * rules as a {@code --function} spec or a template ({@link FunctionDraft#toSpec}): name, runtime,
 * handler against its code, timeout, memory, concurrency and environment variables.
 *
 * @param name the function name
 * @param runtime the runtime as the caller named it ({@code nodejs20.x}, {@code python3.12}, ...)
 * @param handler the handler, or null (then only {@code provided} has a default)
 * @param timeoutSeconds AWS's {@code Timeout}
 * @param memoryMb AWS's {@code MemorySize}
 * @param reservedConcurrency the reserved concurrency; empty = unreserved
 * @param env the function's own environment variables
 */
public record ApiDefinition(
    String name,
    String runtime,
    String handler,
    int timeoutSeconds,
    int memoryMb,
    OptionalInt reservedConcurrency,
    Map<String, String> env) {

  public ApiDefinition {
    env = Map.copyOf(env);
  }

  /**
   * The spec of this function with its code in {@code codeDir} (already extracted). Blocking (it
   * looks at the code's files): call on a worker.
   *
   * @throws InvalidDefinition naming the function and the first thing wrong
   */
  public FunctionSpec toSpec(Path codeDir) {
    FunctionDraft draft = new FunctionDraft();
    draft.name = name;
    draft.runtime = runtime;
    draft.handler = handler;
    draft.code = codeDir.toAbsolutePath().toString();
    draft.timeout = timeoutSeconds + "s";
    draft.memory = Integer.toString(memoryMb);
    reservedConcurrency.ifPresent(n -> draft.concurrency = Integer.toString(n));
    draft.env.putAll(env);
    return draft.toSpec(codeDir, CodeZip.withDefaultBounds());
  }

  /** Whether {@code runtime} names a runtime the gateway can host (ours or AWS's identifiers). */
  public static boolean isKnownRuntime(String runtime) {
    return RuntimeNames.parse(runtime).isPresent();
  }

  /** The runtimes accepted, for error messages. */
  public static String acceptedRuntimes() {
    return RuntimeNames.ACCEPTED;
  }
}
