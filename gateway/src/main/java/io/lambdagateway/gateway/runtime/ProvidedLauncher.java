package io.lambdagateway.gateway.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The custom runtime ({@code provided}, AWS's {@code provided.al2023}): runs the executable {@code
 * bootstrap} in the code directory, which implements the Runtime API itself (a shell script with
 * curl is enough). The handler is only passed on in {@code _HANDLER}.
 */
public final class ProvidedLauncher implements RuntimeLauncher {

  /** The file AWS runs for a custom runtime. */
  public static final String BOOTSTRAP = "bootstrap";

  @Override
  public FunctionSpec.Runtime runtime() {
    return FunctionSpec.Runtime.PROVIDED;
  }

  @Override
  public List<String> command(FunctionSpec spec) {
    Path bootstrap = spec.codeDir().resolve(BOOTSTRAP);
    if (!Files.isRegularFile(bootstrap)) {
      throw new IllegalArgumentException(
          "function " + spec.name() + ": runtime provided needs a file " + bootstrap);
    }
    if (!Files.isExecutable(bootstrap)) {
      throw new IllegalArgumentException(
          "function " + spec.name() + ": " + bootstrap + " is not executable (chmod +x)");
    }
    return List.of(bootstrap.toAbsolutePath().toString());
  }
}
