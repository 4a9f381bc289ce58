package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.platform.EventRetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings of Event invocations: journal, retry policy and byte budget. */
@DisplayName("Event invocation settings")
class EventSettingsTest {

  @Test
  @DisplayName("by default events live in memory, with Lambda's 2 retries and 6 h maximum age")
  void hasLambdasDefaults() {
    GatewayConfig config = GatewayConfig.defaults();

    assertThat(config.stateDir()).as("journaling is opt-in").isEmpty();
    assertThat(config.eventRetryPolicy())
        .isEqualTo(EventRetryPolicy.lambda(2, Duration.ofHours(6)));
    assertThat(config.eventQueueBytes()).isEqualTo(256L * 1024 * 1024);
  }

  @Test
  @DisplayName("the variables set the state directory, the retry policy and the byte budget")
  void readsTheVariables() {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of(
                "GATEWAY_STATE_DIR", "/var/lib/gateway",
                "GATEWAY_EVENT_MAX_RETRIES", "0",
                "GATEWAY_EVENT_MAX_AGE", "60s",
                "GATEWAY_EVENT_QUEUE_BYTES", "8MB"));

    assertThat(config.stateDir()).hasValue(Path.of("/var/lib/gateway"));
    assertThat(config.eventRetryPolicy())
        .isEqualTo(EventRetryPolicy.lambda(0, Duration.ofSeconds(60)));
    assertThat(config.eventQueueBytes()).isEqualTo(8L * 1024 * 1024);
  }

  @ParameterizedTest
  @CsvSource({"file:/var/log/failures.jsonl", "file:failures.jsonl", "'kafka://a:9092,b:9092/dlq'"})
  @DisplayName("the on-failure destination is a file: or a scheme://servers/name URI")
  void readsTheDestination(String target) {
    GatewayConfig config = GatewayConfig.fromSettings(Map.of("GATEWAY_EVENT_ON_FAILURE", target));

    assertThat(config.eventOnFailure()).hasValue(URI.create(target));
    assertThat(GatewayConfig.defaults().eventOnFailure()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "GATEWAY_EVENT_MAX_RETRIES, 3",
    "GATEWAY_EVENT_MAX_RETRIES, -1",
    "GATEWAY_EVENT_MAX_AGE, 59s",
    "GATEWAY_EVENT_MAX_AGE, 7h",
    "GATEWAY_EVENT_QUEUE_BYTES, 0",
    "GATEWAY_STATE_DIR, bad\u0000path",
    "GATEWAY_EVENT_ON_FAILURE, failures.jsonl",
    "GATEWAY_EVENT_ON_FAILURE, file:",
    "GATEWAY_EVENT_ON_FAILURE, kafka://127.0.0.1:9092",
    "GATEWAY_EVENT_ON_FAILURE, kafka://127.0.0.1:9092/"
  })
  @DisplayName("values outside what PutFunctionEventInvokeConfig allows are refused by name")
  void refusesOutOfRange(String name, String value) {
    assertThatThrownBy(() -> GatewayConfig.fromSettings(Map.of(name, value)))
        .isInstanceOf(GatewayConfig.InvalidSetting.class)
        .hasMessageStartingWith(name);
  }
}
