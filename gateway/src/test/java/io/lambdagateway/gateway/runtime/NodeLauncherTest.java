package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The nodejs runtime's launcher")
class NodeLauncherTest {

  @TempDir Path codeDir;

  @Test
  @DisplayName("runs node with 90% of the memory as heap limit, our client and the handler")
  void runsOurClient() {
    NodeLauncher launcher = NodeLauncher.onPath();
    FunctionSpec spec = spec(Map.of());

    List<String> command = launcher.command(spec);

    assertThat(launcher.unavailableReason()).isEmpty();
    Path runtimeDir = launcher.runtimeDir(spec);
    assertThat(command)
        .containsExactly(
            CommandOnPath.find("node").orElseThrow().toString(),
            "--max-old-space-size=460",
            runtimeDir.resolve("bootstrap.cjs").toString(),
            "main.handler");
    assertThat(runtimeDir.resolve("bootstrap.cjs")).isRegularFile();
    assertThat(runtimeDir.resolve("handler-loader.cjs")).isRegularFile();
    assertThat(launcher.runtimeDir(spec)).as("written once").isEqualTo(runtimeDir);
  }

  @Test
  @DisplayName("the heap limit never drops to zero for tiny memory sizes")
  void heapLimitStaysPositive() {
    assertThat(NodeLauncher.heapLimit(128)).isEqualTo("--max-old-space-size=115");
    assertThat(NodeLauncher.heapLimit(1)).isEqualTo("--max-old-space-size=1");
  }

  @Test
  @DisplayName("without node on PATH the runtime is unavailable, in one clear line")
  void unavailableWithoutNode() {
    NodeLauncher launcher = NodeLauncher.onPath(codeDir.toString());

    assertThat(launcher.unavailableReason())
        .hasValue("runtime nodejs needs node (20 or later) on PATH; it was not found");
    assertThatThrownBy(() -> launcher.command(spec(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node");
  }

  @Test
  @DisplayName("LAMBDA_GATEWAY_NODE_RIC=aws-lambda-ric runs the package's bin from the code dir")
  void runsAwsRicWhenAsked() throws IOException {
    Path packageDir = Files.createDirectories(codeDir.resolve("node_modules/aws-lambda-ric"));
    Files.createDirectories(packageDir.resolve("bin"));
    Files.writeString(packageDir.resolve("bin/index.mjs"), "");
    Files.writeString(
        packageDir.resolve("package.json"), "{\"bin\":{\"aws-lambda-ric\":\"bin/index.mjs\"}}");
    FunctionSpec spec = spec(Map.of("LAMBDA_GATEWAY_NODE_RIC", "aws-lambda-ric"));

    List<String> command = NodeLauncher.onPath().command(spec);

    assertThat(command.get(2)).isEqualTo(packageDir.resolve("bin/index.mjs").toString());
    assertThat(command.get(3)).isEqualTo("main.handler");
    assertThat(NodeLauncher.onPath().runtimeDir(spec)).isEqualTo(codeDir);
  }

  @Test
  @DisplayName("asking for aws-lambda-ric without the package installed says how to install it")
  void refusesMissingAwsRic() {
    FunctionSpec spec = spec(Map.of("LAMBDA_GATEWAY_NODE_RIC", "aws-lambda-ric"));

    assertThatThrownBy(() -> NodeLauncher.onPath().command(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("npm install aws-lambda-ric");
  }

  @Test
  @DisplayName("a bin outside the aws-lambda-ric package is refused")
  void refusesEscapingBin() throws IOException {
    Path packageDir = Files.createDirectories(codeDir.resolve("node_modules/aws-lambda-ric"));
    Files.writeString(codeDir.resolve("evil.js"), "");
    Files.writeString(packageDir.resolve("package.json"), "{\"bin\":\"../../evil.js\"}");
    FunctionSpec spec = spec(Map.of("LAMBDA_GATEWAY_NODE_RIC", "aws-lambda-ric"));

    assertThatThrownBy(() -> NodeLauncher.onPath().command(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a file in the package");
  }

  @Test
  @DisplayName("an unknown runtime client name is refused rather than ignored")
  void refusesUnknownClient() {
    FunctionSpec spec = spec(Map.of("LAMBDA_GATEWAY_NODE_RIC", "something-else"));

    assertThatThrownBy(() -> NodeLauncher.onPath().command(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be aws-lambda-ric, not something-else");
  }

  private FunctionSpec spec(Map<String, String> env) {
    return new FunctionSpec(
        "f",
        FunctionSpec.Runtime.NODEJS,
        codeDir,
        "main.handler",
        Duration.ofSeconds(3),
        512,
        OptionalInt.empty(),
        env);
  }
}
