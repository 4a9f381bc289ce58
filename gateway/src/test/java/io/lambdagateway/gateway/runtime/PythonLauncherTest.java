package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The python runtime's launcher")
class PythonLauncherTest {

  @TempDir Path codeDir;

  @Test
  @DisplayName("runs python3 unbuffered with our client and the handler")
  void runsOurClient() {
    PythonLauncher launcher = PythonLauncher.onPath();
    FunctionSpec spec = spec();

    assertThat(launcher.unavailableReason()).isEmpty();
    Path client = launcher.runtimeDir(spec).resolve("bootstrap.py");
    List<String> command = launcher.command(spec);
    assertThat(command.subList(1, 4)).containsExactly("-u", client.toString(), "app.handler");
    assertThat(Path.of(command.get(0)))
        .as("the interpreter python3 resolves to (sys.executable)")
        .isAbsolute()
        .isExecutable();
    assertThat(client).isRegularFile();
    assertThat(launcher.extraEnv(spec)).containsEntry("PYTHONDONTWRITEBYTECODE", "1");
  }

  @Test
  @DisplayName("without python3 on PATH the runtime is unavailable, in one clear line")
  void unavailableWithoutPython() {
    PythonLauncher launcher = PythonLauncher.onPath(codeDir.toString());

    assertThat(launcher.unavailableReason())
        .hasValue("runtime python needs python3 on PATH; it was not found");
    assertThatThrownBy(() -> launcher.command(spec()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("python3");
  }

  private FunctionSpec spec() {
    return new FunctionSpec(
        "f",
        FunctionSpec.Runtime.PYTHON,
        codeDir,
        "app.handler",
        Duration.ofSeconds(3),
        128,
        OptionalInt.empty(),
        Map.of());
  }
}
