package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code python} runtime: {@code python3 -u bootstrap.py <handler>}, where {@code bootstrap.py}
 * is the gateway's own runtime client (standard library only; handlers {@code module.function} or
 * {@code pkg.module.function} imported from the code directory). Output is unbuffered so the
 * gateway's log sees each line when it is printed.
 *
 * <p>The interpreter is the one {@code python3} on {@code PATH} resolves to ({@code
 * sys.executable}), asked once: a version manager's shim (pyenv) would otherwise need its own
 * environment in every runtime process and add its start-up time to every cold start.
 */
public final class PythonLauncher implements RuntimeLauncher {

  private static final long PROBE_SECONDS = 20;

  private final Optional<Path> python3OnPath;
  private final RuntimeClientFiles client =
      new RuntimeClientFiles("python", List.of("bootstrap.py"));
  private Interpreter interpreter;

  /** The interpreter, or why there is none. */
  private record Interpreter(Optional<Path> executable, String problem) {}

  private PythonLauncher(Optional<Path> python3OnPath) {
    this.python3OnPath = python3OnPath;
  }

  /** The launcher for the {@code python3} found on this JVM's {@code PATH}, if any. */
  public static PythonLauncher onPath() {
    return new PythonLauncher(CommandOnPath.find("python3"));
  }

  /** The launcher for the {@code python3} found on {@code path} (a {@code PATH} value), if any. */
  static PythonLauncher onPath(String path) {
    return new PythonLauncher(CommandOnPath.find("python3", path));
  }

  @Override
  public FunctionSpec.Runtime runtime() {
    return FunctionSpec.Runtime.PYTHON;
  }

  @Override
  public Optional<String> unavailableReason() {
    Interpreter found = interpreter();
    return found.executable().isPresent() ? Optional.empty() : Optional.of(found.problem());
  }

  @Override
  public List<String> command(FunctionSpec spec) {
    Path python =
        interpreter()
            .executable()
            .orElseThrow(() -> new IllegalArgumentException(interpreter().problem()));
    String script = client.dir().resolve("bootstrap.py").toString();
    return List.of(python.toString(), "-u", script, spec.handler());
  }

  @Override
  public Path runtimeDir(FunctionSpec spec) {
    return client.dir();
  }

  /** The code directory stays as the user shipped it: no {@code __pycache__} written into it. */
  @Override
  public Map<String, String> extraEnv(FunctionSpec spec) {
    return Map.of("PYTHONDONTWRITEBYTECODE", "1");
  }

  private synchronized Interpreter interpreter() {
    if (interpreter == null) {
      interpreter =
          python3OnPath
              .map(PythonLauncher::probe)
              .orElse(
                  new Interpreter(
                      Optional.empty(), "runtime python needs python3 on PATH; it was not found"));
    }
    return interpreter;
  }

  private static Interpreter probe(Path python3) {
    try {
      Process process =
          new ProcessBuilder(python3.toString(), "-c", "import sys; print(sys.executable)")
              .redirectErrorStream(true)
              .start();
      if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return failed(python3, "did not answer within " + PROBE_SECONDS + " s");
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Path executable = Path.of(out.strip());
      if (process.exitValue() != 0 || !Files.isExecutable(executable)) {
        return failed(python3, "does not run: " + out.strip());
      }
      return new Interpreter(Optional.of(executable), "");
    } catch (IOException e) {
      return failed(python3, "cannot be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(python3, "was not asked: interrupted");
    }
  }

  private static Interpreter failed(Path python3, String why) {
    return new Interpreter(Optional.empty(), "runtime python: " + python3 + " " + why);
  }
}
