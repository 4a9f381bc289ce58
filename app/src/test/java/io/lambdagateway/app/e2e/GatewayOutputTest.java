package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdagateway.app.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's own output as a person or a log collector sees it, from a launcher process with the
 * launcher's own logging configuration: the banner's curl lines run as printed, JSON log lines, the
 * stop line.
 */
@DisplayName("gateway output")
class GatewayOutputTest {

  private static final String TOKEN = "s3cret-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Process gateway;

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName(
      "with a token the banner's curl lines succeed as printed, the secret is never shown,"
          + " log lines are JSON with LOG_FORMAT=json and the stop prints what it drained")
  void bannerLogsAndStop() throws Exception {
    Curl.assume();
    gateway = launch(Map.of("GATEWAY_AUTH_TOKEN", TOKEN, "LOG_FORMAT", "json"));
    String functionUrlLine = awaitBannerLine("function URL: curl ");
    String invokeLine = awaitBannerLine("Invoke API:   curl ");

    assertThat(Files.readString(out())).doesNotContain(TOKEN);
    assertThat(functionUrlLine).contains("-H \"Authorization: Bearer $GATEWAY_AUTH_TOKEN\"");
    Shell withToken = shell(functionUrlLine, Map.of("GATEWAY_AUTH_TOKEN", TOKEN));
    assertThat(withToken.exit).as(withToken.output).isZero();
    assertThat(withToken.output).contains("\"Records\"");
    assertThat(shell(functionUrlLine, Map.of()).exit).as("without the variable").isNotZero();
    Shell invoke = shell(invokeLine, Map.of());
    assertThat(invoke.exit).as(invoke.output).isZero();
    // printed with the curl lines, in the same flush
    String dashboardLine =
        Files.readAllLines(out()).stream()
            .filter(line -> line.startsWith("  dashboard:    http://"))
            .findFirst()
            .orElseThrow();
    String dashboard =
        dashboardLine.substring(dashboardLine.indexOf("http://"), dashboardLine.indexOf(" ("));
    Shell page = shell("curl -s --fail '" + dashboard + "'", Map.of());
    assertThat(page.exit).as(page.output).isZero();
    assertThat(page.output).contains("<title>");

    gateway.destroy();
    assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out()))
        .containsPattern(
            "lambda-gateway stopped in \\d+\\.\\d s: drained 0 calls in flight and 0 pending event"
                + " calls, none left");
    List<String> logLines = Files.readAllLines(err());
    assertThat(logLines).isNotEmpty();
    for (String line : logLines) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.path("level").asText()).as(line).isNotEmpty();
      assertThat(event.path("formattedMessage").asText()).as(line).isNotEmpty();
    }
  }

  @Test
  @DisplayName("a bad LOG_FORMAT or LOG_LEVEL is one line and exit code 2")
  void badLogSettings() throws Exception {
    gateway = launch(Map.of("LOG_FORMAT", "xml"), "gateway");
    assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.exitValue()).as(Files.readString(err())).isEqualTo(2);
    assertThat(Files.readString(err()))
        .isEqualTo(
            "lambda-gateway gateway: invalid value for --log-format (env LOG_FORMAT): 'xml':"
                + " text or json; try 'lambda-gateway gateway --help'\n");
  }

  private Process launch(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
    command.addAll(List.of("-cp", launcherClassPath(), Main.class.getName()));
    command.addAll(args.length == 0 ? List.of("gateway", "--port", "0") : List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEWAY_"));
    builder.environment().keySet().removeIf(name -> name.startsWith("LOG_"));
    builder.environment().putAll(env);
    builder.redirectOutput(out().toFile()).redirectError(err().toFile());
    return builder.start();
  }

  /**
   * This test's class path without the test classes, whose logback-test.xml would replace the
   * launcher's own logging configuration.
   */
  private static String launcherClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private String awaitBannerLine(String marker) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              assertThat(gateway.isAlive())
                  .as("gateway running: %s", Files.readString(err()))
                  .isTrue();
              return Files.readAllLines(out()).stream()
                  .filter(line -> line.contains(marker))
                  .findFirst()
                  .map(line -> line.substring(line.indexOf("curl ")))
                  .orElse(null);
            },
            line -> line != null);
  }

  private record Shell(int exit, String output) {}

  /** Runs {@code line} in bash, as a person pastes it, with --fail so that 4xx/5xx fail. */
  private Shell shell(String line, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", line + " --fail --max-time 20");
    builder.environment().remove("GATEWAY_AUTH_TOKEN");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process curl = builder.start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Shell(curl.exitValue(), output);
  }

  private Path out() {
    return dir.resolve("gateway.out.log");
  }

  private Path err() {
    return dir.resolve("gateway.err.log");
  }
}
