package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.RuntimeSettings;
import io.lambdagateway.settings.Settings;
import io.lambdagateway.settings.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@DisplayName("Gateway configuration")
class GatewayConfigTest {

  @Test
  @DisplayName("the defaults are the documented ones")
  void hasDefaults() {
    GatewayConfig config = GatewayConfig.defaults();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.functionName()).isEqualTo("enricher");
    assertThat(config.authToken()).isEmpty();
    assertThat(config.functionTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isEqualTo("000000000000");
    assertThat(config.maxSyncPayloadBytes()).isEqualTo(6_291_456);
    assertThat(config.maxAsyncPayloadBytes()).isEqualTo(1_048_576);
    assertThat(config.maxResponseBytes())
        .as("6 MiB + 100, as on AWS")
        .isEqualTo(6L * 1024 * 1024 + 100);
    assertThat(config.reservedConcurrency()).isEmpty();
    assertThat(config.benchEcho()).isFalse();
    assertThat(config.enricherPublicIp()).isEmpty();
    assertThat(config.functions()).as("hosting user code is opt-in").isEmpty();
    assertThat(config.runtimeSettings()).isEqualTo(RuntimeSettings.defaults());
    assertThat(config.awsCredentials().isEmpty()).as("SigV4 verification is opt-in").isTrue();
  }

  @Test
  @DisplayName("access keys come from the variable and the file together; errors hide secrets")
  void readsAccessKeys(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("keys"), "# ci\nAKIDFILE:file-secret\n");

    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of(
                "GATEWAY_AWS_CREDENTIALS",
                "AKIDENV:env-secret",
                "GATEWAY_AWS_CREDENTIALS_FILE",
                file.toString()));

    assertThat(config.awsCredentials().secretOf("AKIDENV")).contains("env-secret");
    assertThat(config.awsCredentials().secretOf("AKIDFILE")).contains("file-secret");
    assertThat(config.toString()).doesNotContain("env-secret", "file-secret");
    assertThatThrownBy(
            () ->
                GatewayConfig.fromSettings(
                    Map.of("GATEWAY_AWS_CREDENTIALS", "AKIDENV:env-secret,half-a-secret")))
        .isInstanceOf(GatewayConfig.InvalidSetting.class)
        .hasMessageStartingWith("GATEWAY_AWS_CREDENTIALS (--aws-credentials) = '(not shown)'")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(
            () ->
                GatewayConfig.fromSettings(
                    Map.of("GATEWAY_AWS_CREDENTIALS_FILE", dir.resolve("missing").toString())))
        .hasMessageStartingWith("GATEWAY_AWS_CREDENTIALS_FILE (--aws-credentials-file)");
  }

  @Test
  @DisplayName("the connection and memory budgets default to the documented values")
  void hasHttpLimitsByDefault() {
    assertThat(GatewayConfig.defaults().httpLimits())
        .isEqualTo(
            new HttpLimits(
                64L * 1024 * 1024,
                false,
                32,
                Duration.ofSeconds(10),
                1024,
                Duration.ofSeconds(5),
                20));
  }

  @Test
  @DisplayName("the connection and memory budgets come from their variables")
  void readsHttpLimits() {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of(
                "GATEWAY_MAX_BODY_BYTES_IN_FLIGHT", "16MiB",
                "GATEWAY_HTTP2", "true",
                "GATEWAY_HTTP2_MAX_STREAMS", "8",
                "GATEWAY_HEADER_TIMEOUT", "2s",
                "GATEWAY_MIN_BODY_RATE", "512 B/s",
                "GATEWAY_BODY_RATE_WINDOW", "3s",
                "GATEWAY_CLIENT_ERROR_LOG_LINES", "5"));

    assertThat(config.httpLimits())
        .isEqualTo(
            new HttpLimits(
                16L * 1024 * 1024, true, 8, Duration.ofSeconds(2), 512, Duration.ofSeconds(3), 5));
    assertThat(
            GatewayConfig.fromSettings(Map.of("GATEWAY_MIN_BODY_RATE", "0"))
                .httpLimits()
                .minBodyRate())
        .as("0 turns the minimum off")
        .isZero();
    assertThatThrownBy(() -> GatewayConfig.fromSettings(Map.of("GATEWAY_MIN_BODY_RATE", "fast")))
        .hasMessageStartingWith("GATEWAY_MIN_BODY_RATE (--min-body-rate) = 'fast'");
    assertThatThrownBy(
            () -> GatewayConfig.fromSettings(Map.of("GATEWAY_MAX_BODY_BYTES_IN_FLIGHT", "10KB")))
        .hasMessageStartingWith("GATEWAY_MAX_BODY_BYTES_IN_FLIGHT");
  }

  @Test
  @DisplayName("the runtime settings of hosted functions come from their variables")
  void readsRuntimeSettings() {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of(
                "GATEWAY_RUNTIME_IDLE_TIMEOUT", "90s",
                "GATEWAY_RUNTIME_INIT_TIMEOUT", "20s",
                "GATEWAY_RUNTIME_STOP_GRACE", "2s",
                "GATEWAY_RUNTIME_MAX_LINE", "16KiB",
                "GATEWAY_RUNTIME_LOG_RATE", "50"));

    assertThat(config.runtimeSettings())
        .isEqualTo(
            new RuntimeSettings(
                Duration.ofSeconds(90), Duration.ofSeconds(20), Duration.ofSeconds(2), 16384, 50));
    assertThatThrownBy(
            () -> GatewayConfig.fromSettings(Map.of("GATEWAY_RUNTIME_IDLE_TIMEOUT", "soon")))
        .hasMessageStartingWith("GATEWAY_RUNTIME_IDLE_TIMEOUT (--runtime-idle-timeout) = 'soon'");
  }

  @Test
  @DisplayName("environment variables override the defaults")
  void readsTheEnvironment() {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of(
                "GATEWAY_PORT",
                "9000",
                "GATEWAY_AUTH_TOKEN",
                "t",
                "GATEWAY_FUNCTION_TIMEOUT",
                "1500ms",
                "GATEWAY_RESERVED_CONCURRENCY",
                "0",
                "ENRICHER_PUBLIC_IP",
                "198.51.100.1",
                "ENRICHER_SKIP_BAD_ROWS",
                "TRUE",
                "GATEWAY_BENCH_ECHO",
                "true"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.authToken()).isEqualTo(Optional.of("t"));
    assertThat(config.functionTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.reservedConcurrency()).isEqualTo(OptionalInt.of(0));
    assertThat(config.enricherPublicIp()).hasValue("198.51.100.1");
    assertThat(config.enricherSkipBadRows()).isTrue();
    assertThat(config.benchEcho()).isTrue();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "GATEWAY_PORT, http",
    "GATEWAY_PORT, 70000",
    "GATEWAY_FUNCTION_TIMEOUT, soon",
    "GATEWAY_FUNCTION_TIMEOUT, 0s",
    "GATEWAY_BENCH_ECHO, yes",
    "GATEWAY_MAX_CONCURRENCY, 0"
  })
  @DisplayName("an invalid value is refused with the variable's name")
  void refusesInvalidValues(String name, String value) {
    assertThatThrownBy(() -> GatewayConfig.fromSettings(Map.of(name, value)))
        .isInstanceOf(GatewayConfig.InvalidSetting.class)
        .hasMessageStartingWith(name);
  }

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "6MB, 6291456",
    "6MiB, 6291456",
    "1.5MB, 1572864",
    "512KB, 524288",
    "6291456, 6291456"
  })
  @DisplayName("payload limits take the shared size grammar")
  void parsesSizes(String text, long bytes) {
    assertThat(
            GatewayConfig.fromSettings(Map.of("GATEWAY_MAX_SYNC_PAYLOAD", text))
                .maxSyncPayloadBytes())
        .isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"250ms, 250", "30s, 30000", "30, 30000", "2m, 120000", "1h, 3600000", "1.5s, 1500"})
  @DisplayName("durations take the shared grammar: ms, s, m and h, bare numbers are seconds")
  void parsesDurations(String text, long millis) {
    assertThat(
            GatewayConfig.fromSettings(Map.of("GATEWAY_FUNCTION_TIMEOUT", text)).functionTimeout())
        .isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  @DisplayName("a command-line flag beats its environment variable")
  void flagsBeatTheEnvironment() {
    CommandLine cli =
        Settings.commandLine(
            new GatewayCommand(), Map.of("GATEWAY_PORT", "9000", "GATEWAY_REGION", "eu-west-1"));
    cli.parseArgs("--port", "7000", "--bench-echo", "--runtime-idle-timeout", "3m");

    GatewayConfig config = GatewayCommand.config(cli.getCommandSpec());

    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.benchEcho()).isTrue();
    assertThat(config.runtimeSettings().idleTimeout()).isEqualTo(Duration.ofMinutes(3));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--port, 70000, GATEWAY_PORT, a whole number between 0 and 65535",
    "--function-timeout, soon, GATEWAY_FUNCTION_TIMEOUT, above 0: a duration",
    "--max-sync-payload, 1GB, GATEWAY_MAX_SYNC_PAYLOAD, a size such as",
    "--bench-echo, yes, GATEWAY_BENCH_ECHO, true or false"
  })
  @DisplayName("a bad flag or variable is one line naming both, exit code 2, nothing started")
  void oneLineErrors(String flag, String value, String variable, String accepted) {
    String expected =
        "gateway: invalid value for "
            + flag
            + " (env "
            + variable
            + "): '"
            + value
            + "': "
            + accepted;
    StringWriter fromFlag = new StringWriter();
    StringWriter fromEnv = new StringWriter();

    assertThat(execute(Map.of(), fromFlag, flag, value)).isEqualTo(2);
    assertThat(execute(Map.of(variable, value), fromEnv)).isEqualTo(2);

    for (StringWriter err : new StringWriter[] {fromFlag, fromEnv}) {
      assertThat(err.toString())
          .startsWith(expected)
          .hasLineCount(1)
          .endsWith("; try 'gateway --help'\n");
    }
  }

  @Test
  @DisplayName("--function is repeatable; GATEWAY_FUNCTIONS holds specs separated by ';'")
  void readsFunctions(@TempDir Path code) {
    String a = "name=a,runtime=nodejs,code=" + code + ",handler=main.handler";
    String b = "name=b,runtime=python,code=" + code + ",handler=app.handler,timeout=10s";
    String c = "name=c,runtime=provided,code=" + code;

    CommandLine fromEnv =
        Settings.commandLine(new GatewayCommand(), Map.of("GATEWAY_FUNCTIONS", a + ";" + b + ";"));
    fromEnv.parseArgs();
    CommandLine fromFlags =
        Settings.commandLine(new GatewayCommand(), Map.of("GATEWAY_FUNCTIONS", a));
    fromFlags.parseArgs("--function", b, "--function", c);

    assertThat(GatewayCommand.config(fromEnv.getCommandSpec()).functions())
        .extracting(FunctionSpec::name)
        .containsExactly("a", "b");
    assertThat(GatewayCommand.config(fromFlags.getCommandSpec()).functions())
        .as("flags beat the variable")
        .extracting(FunctionSpec::name)
        .containsExactly("b", "c");
  }

  @Test
  @DisplayName("a bad --function is one line naming the bad spec and what is wrong, exit code 2")
  void oneLineFunctionErrors(@TempDir Path code) {
    String good = "name=a,runtime=nodejs,code=" + code + ",handler=main.handler";
    String bad = "name=b,runtime=ruby3.3,code=" + code + ",handler=app.handler";
    String expected =
        "gateway: invalid value for --function (env GATEWAY_FUNCTIONS): '"
            + bad
            + "': function b: runtime 'ruby3.3' is not supported: nodejs, python, java or "
            + "provided";
    StringWriter fromFlag = new StringWriter();
    StringWriter fromEnv = new StringWriter();

    assertThat(execute(Map.of(), fromFlag, "--function", bad, "--function", good)).isEqualTo(2);
    assertThat(execute(Map.of("GATEWAY_FUNCTIONS", good + ";" + bad), fromEnv)).isEqualTo(2);

    for (StringWriter err : new StringWriter[] {fromFlag, fromEnv}) {
      assertThat(err.toString())
          .startsWith(expected)
          .hasLineCount(1)
          .endsWith("; try 'gateway --help'\n");
    }
  }

  @Test
  @DisplayName("a function named like the enricher or the bench echo is refused")
  void refusesBuiltInNames(@TempDir Path code) {
    String spec = "runtime=nodejs,code=" + code + ",handler=main.handler";

    assertThatThrownBy(
            () -> GatewayConfig.fromSettings(Map.of("GATEWAY_FUNCTIONS", "name=enricher," + spec)))
        .isInstanceOf(GatewayConfig.InvalidSetting.class)
        .hasMessageEndingWith("function enricher: the name is taken by a built-in function");
    assertThatThrownBy(
            () ->
                GatewayConfig.fromSettings(
                    Map.of("GATEWAY_BENCH_ECHO", "true", "GATEWAY_FUNCTIONS", "name=echo," + spec)))
        .hasMessageEndingWith("function echo: the name is taken by a built-in function");
    assertThat(
            GatewayConfig.fromSettings(Map.of("GATEWAY_FUNCTIONS", "name=echo," + spec))
                .functions())
        .hasSize(1);
  }

  @Test
  @DisplayName("a bad --template is one line naming the template, exit code 2")
  void oneLineTemplateErrors(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    Path missing = dir.resolve("template.yaml");

    assertThat(execute(Map.of(), err, "--template", missing.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gateway: invalid value for --template (env GATEWAY_TEMPLATE): '"
                + missing
                + "': template.yaml: no such file; try 'gateway --help'\n");
  }

  @Test
  @DisplayName("the gateway command's help lists every setting with its variable and default")
  void describesItself() {
    StringWriter out = new StringWriter();
    CommandLine cli =
        Settings.commandLine(new GatewayCommand(), Map.of()).setOut(new PrintWriter(out, true));

    assertThat(cli.execute("--help")).isZero();
    String usage = out.toString().replaceAll("\\s+", " ");
    for (Setting s : Setting.values()) {
      String fallback = s.defaultValue().isEmpty() ? "none" : s.defaultValue();
      assertThat(usage)
          .contains(s.flag())
          .contains("(env " + s.envName() + ", default: " + fallback + ")");
    }
  }

  @Test
  @DisplayName("--version prints the project version")
  void version() {
    StringWriter out = new StringWriter();
    CommandLine cli =
        Settings.commandLine(new GatewayCommand(), Map.of()).setOut(new PrintWriter(out, true));

    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).isEqualTo("lambda-gateway " + Version.number() + "\n");
  }

  private static int execute(Map<String, String> env, StringWriter err, String... args) {
    return Settings.commandLine(new GatewayCommand(), env)
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
