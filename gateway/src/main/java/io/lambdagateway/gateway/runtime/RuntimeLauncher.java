package io.lambdagateway.gateway.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one kind of runtime is started: the command line of its process and what it needs in its
 * environment beyond AWS's variables. One implementation per {@link FunctionSpec.Runtime}, listed
 * in {@link RuntimeLaunchers}.
 *
 * <p>The process is started in {@code spec.codeDir()} with a clean environment (see {@link
 * ExecutionEnvironment}); it must speak the Runtime API at {@code AWS_LAMBDA_RUNTIME_API}. The
 * methods are called off the event loop, once when the function is registered and then for each new
 * environment, so they may look at files or probe an interpreter.
 */
public interface RuntimeLauncher {

  /** The runtime this launcher starts. */
  FunctionSpec.Runtime runtime();

  /**
   * The command line of the runtime process for {@code spec} (e.g. {@code node --max-old-space-size
   * client.js}); memory flags derived from {@code spec.memoryMb()} belong here.
   *
   * @throws IllegalArgumentException with one clear line when {@code spec} cannot run (e.g. no
   *     executable {@code bootstrap})
   */
  List<String> command(FunctionSpec spec);

  /** Variables this runtime adds to AWS's (e.g. {@code AWS_EXECUTION_ENV}, {@code NODE_PATH}). */
  default Map<String, String> extraEnv(FunctionSpec spec) {
    return Map.of();
  }

  /**
   * Why this runtime cannot run on this machine at all (e.g. "python3 not found on PATH"), as one
   * line; empty when it can. A function of an unavailable runtime fails to register.
   */
  default Optional<String> unavailableReason() {
    return Optional.empty();
  }

  /** The runtime's own files, {@code LAMBDA_RUNTIME_DIR}; the code directory unless it has some. */
  default Path runtimeDir(FunctionSpec spec) {
    return spec.codeDir();
  }
}
