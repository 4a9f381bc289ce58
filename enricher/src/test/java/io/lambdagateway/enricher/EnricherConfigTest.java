package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.ResponseForm;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Enricher configuration from the environment")
class EnricherConfigTest {

  private final AtomicInteger discoveries = new AtomicInteger();
  private final Supplier<String> discovery =
      () -> {
        discoveries.incrementAndGet();
        return "198.51.100.4";
      };

  @Test
  @DisplayName("ENRICHER_PUBLIC_IP is used as given and no discovery happens")
  void explicitAddressSkipsDiscovery() {
    EnricherConfig config =
        EnricherConfig.fromEnvironment(
            Map.of("ENRICHER_PUBLIC_IP", " 203.0.113.7 ", "ENRICHER_SKIP_BAD_ROWS", "TRUE"),
            discovery);

    assertThat(config).isEqualTo(new EnricherConfig("203.0.113.7", true));
    assertThat(discoveries).hasValue(0);
  }

  @Test
  @DisplayName("Without an address the discovery runs once; bad rows fail by default")
  void missingAddressIsDiscoveredOnce() {
    EnricherConfig config =
        EnricherConfig.fromEnvironment(Map.of("ENRICHER_PUBLIC_IP", "  "), discovery);

    assertThat(config).isEqualTo(new EnricherConfig("198.51.100.4", false));
    assertThat(discoveries).hasValue(1);
  }

  @Test
  @DisplayName("A skip-bad-rows value other than true or false is refused, naming the variable")
  void badBooleanIsRefused() {
    assertThatThrownBy(
            () ->
                EnricherConfig.fromEnvironment(
                    Map.of("ENRICHER_PUBLIC_IP", "203.0.113.7", "ENRICHER_SKIP_BAD_ROWS", "yes"),
                    discovery))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ENRICHER_SKIP_BAD_ROWS must be true or false, not 'yes'");
  }

  @Test
  @DisplayName("ENRICHER_OUTPUT picks the answer's form, compact when unset; others are refused")
  void outputForm() {
    Map<String, String> ip = Map.of("ENRICHER_PUBLIC_IP", "203.0.113.7");

    assertThat(EnricherConfig.fromEnvironment(ip, discovery).output())
        .isEqualTo(ResponseForm.COMPACT);
    assertThat(
            EnricherConfig.fromEnvironment(
                    Map.of("ENRICHER_PUBLIC_IP", "203.0.113.7", "ENRICHER_OUTPUT", " FULL "),
                    discovery)
                .output())
        .isEqualTo(ResponseForm.FULL);
    assertThatThrownBy(
            () ->
                EnricherConfig.fromEnvironment(
                    Map.of("ENRICHER_PUBLIC_IP", "203.0.113.7", "ENRICHER_OUTPUT", "short"),
                    discovery))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ENRICHER_OUTPUT must be full or compact, not 'short'");
  }

  @Test
  @DisplayName("A blank address is refused by the constructor")
  void blankAddressIsRefused() {
    assertThatThrownBy(() -> new EnricherConfig(" ", false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
