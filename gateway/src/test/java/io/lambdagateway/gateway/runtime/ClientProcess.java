package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One runtime client process started the way an execution environment starts it: the launcher's
 * command, in the code directory, with AWS's variables. Output goes to a file (no pipe to fill);
 * closing kills the process and waits for it, so no test leaves one behind.
 */
final class ClientProcess implements AutoCloseable {

  private final Process process;
  private final Path output;

  ClientProcess(RuntimeLauncher launcher, FunctionSpec spec, String runtimeApi) {
    try {
      output = Files.createTempFile("runtime-client-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(launcher.command(spec))
              .directory(spec.codeDir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment(launcher, spec, runtimeApi));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> environment(
      RuntimeLauncher launcher, FunctionSpec spec, String runtimeApi) {
    Map<String, String> env = new HashMap<>(spec.env());
    env.putAll(launcher.extraEnv(spec));
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", spec.handler());
    env.put("LAMBDA_TASK_ROOT", spec.codeDir().toString());
    env.put("LAMBDA_RUNTIME_DIR", launcher.runtimeDir(spec).toString());
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "stream");
    env.put("PATH", System.getenv("PATH"));
    return env;
  }

  /** The exit status, once the process ends by itself within {@code seconds}. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the runtime client did not exit; its output:\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws Exception {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    Files.deleteIfExists(output);
  }
}
