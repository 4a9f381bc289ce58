package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@DisplayName("Gateway configuration")
class GatewayConfigTest {

  @Test
  @DisplayName("the defaults are the documented ones")
  void hasDefaults() {
    GatewayConfig config = GatewayConfig.defaults();

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.functionName()).isEqualTo("enricher");
    assertThat(config.authToken()).isEmpty();
    assertThat(config.functionTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isEqualTo("000000000000");
    assertThat(config.maxSyncPayloadBytes()).isEqualTo(6_291_456);
    assertThat(config.maxAsyncPayloadBytes()).isEqualTo(1_048_576);
    assertThat(config.maxResponseBytes()).as("6 MiB + 100, as on AWS").isEqualTo(6L * 1024 * 1024 + 100);
    assertThat(config.reservedConcurrency()).isEmpty();
    assertThat(config.benchEcho()).isFalse();
    assertThat(config.enricherPublicIp()).isEmpty();
  }

  @Test
  @DisplayName("environment variables override the defaults")
  void readsTheEnvironment() {
    GatewayConfig config = GatewayConfig.fromSettings(Map.of(
        "GATEWAY_PORT", "9000", "GATEWAY_AUTH_TOKEN", "t", "GATEWAY_FUNCTION_TIMEOUT", "1500ms",
        "GATEWAY_RESERVED_CONCURRENCY", "0", "ENRICHER_PUBLIC_IP", "198.51.100.1",
        "ENRICHER_SKIP_BAD_ROWS", "TRUE", "GATEWAY_BENCH_ECHO", "true"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.authToken()).isEqualTo(Optional.of("t"));
    assertThat(config.functionTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.reservedConcurrency()).isEqualTo(OptionalInt.of(0));
    assertThat(config.enricherPublicIp()).hasValue("198.51.100.1");
    assertThat(config.enricherSkipBadRows()).isTrue();
    assertThat(config.benchEcho()).isTrue();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"GATEWAY_PORT, http", "GATEWAY_PORT, 70000", "GATEWAY_FUNCTION_TIMEOUT, soon",
      "GATEWAY_FUNCTION_TIMEOUT, 0s", "GATEWAY_BENCH_ECHO, yes", "GATEWAY_MAX_CONCURRENCY, 0"})
  @DisplayName("an invalid value is refused with the variable's name")
  void refusesInvalidValues(String name, String value) {
    assertThatThrownBy(() -> GatewayConfig.fromSettings(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name);
  }

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"250ms, 250", "30s, 30000", "30, 30000", "2m, 120000", "1h, 3600000"})
  @DisplayName("durations take ms, s, m and h, bare numbers are seconds")
  void parsesDurations(String text, long millis) {
    assertThat(GatewayConfig.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  @DisplayName("a command-line flag beats its environment variable")
  void flagsBeatTheEnvironment() {
    CommandLine cli = new CommandLine(new GatewayCommand());
    cli.parseArgs("--port", "7000", "--bench-echo");

    Map<String, String> merged = SettingOptions.merge(
        Map.of("GATEWAY_PORT", "9000", "GATEWAY_REGION", "eu-west-1"), cli.getCommandSpec());
    GatewayConfig config = GatewayConfig.fromSettings(merged);

    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.benchEcho()).isTrue();
  }

  @Test
  @DisplayName("the gateway command's help lists every setting")
  void describesItself() {
    String usage = new CommandLine(new GatewayCommand()).getUsageMessage();

    assertThat(usage).contains("gateway");
    for (Setting s : Setting.values()) {
      assertThat(usage).contains(s.flag()).contains(s.envName());
    }
  }
}
