package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The java runtime's launcher")
class JavaLauncherTest {

  @TempDir Path codeDir;

  @Test
  @DisplayName("runs this JDK's java with AWS's client jars alone on the class path")
  void runsTheClientInThisJdk() {
    JavaLauncher launcher = JavaLauncher.ofThisJvm();
    FunctionSpec spec = spec(512);

    assertThat(launcher.unavailableReason()).isEmpty();
    List<String> command = launcher.command(spec);
    assertThat(Path.of(command.get(0)))
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
    assertThat(command).contains("-Xmx435m", "-XX:+UseSerialGC");
    assertThat(command.subList(command.size() - 2, command.size()))
        .containsExactly(JavaLauncher.MAIN_CLASS, "example.Handler::handleRequest");
    String classPath = command.get(command.indexOf("-cp") + 1);
    Path runtimeDir = launcher.runtimeDir(spec);
    assertThat(classPath.split(File.pathSeparator))
        .containsExactlyElementsOf(
            JavaLauncher.CLIENT_JARS.stream()
                .map(jar -> runtimeDir.resolve(jar).toString())
                .toList());
    assertThat(runtimeDir.resolve("aws-lambda-java-runtime-interface-client.jar")).isNotEmptyFile();
    assertThat(classPath).doesNotContain(codeDir.toString());
  }

  @Test
  @DisplayName("the heap is 85% of the memory size")
  void heapFromMemory() {
    assertThat(JavaLauncher.maxHeap(128)).isEqualTo("-Xmx108m");
    assertThat(JavaLauncher.maxHeap(10240)).isEqualTo("-Xmx8704m");
  }

  @Test
  @DisplayName(
      "without java, or without the client jars (the slim jar), it is unavailable in one line")
  void unavailable() {
    JavaLauncher noJava = new JavaLauncher(Optional.empty(), true);
    JavaLauncher noClient =
        new JavaLauncher(
            Optional.of(Path.of(System.getProperty("java.home"), "bin", "java")), false);

    assertThat(noJava.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("java"));
    assertThat(noClient.unavailableReason())
        .hasValueSatisfying(
            r -> assertThat(r).contains("runtime interface client", "lambda-gateway.jar"));
    assertThatThrownBy(() -> noClient.command(spec(128)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runtime interface client");
  }

  private FunctionSpec spec(int memoryMb) {
    return new FunctionSpec(
        "f",
        FunctionSpec.Runtime.JAVA,
        codeDir,
        "example.Handler::handleRequest",
        Duration.ofSeconds(3),
        memoryMb,
        OptionalInt.empty(),
        Map.of());
  }
}
