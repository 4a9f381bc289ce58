package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.function.EchoFunction;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The function registry: fixed functions and deployed ones")
class FunctionRegistryTest {

  private final FunctionRegistry registry =
      new FunctionRegistry(List.of(fn("enricher"), fn("probe")), "enricher");

  @Test
  @DisplayName("deployed functions are added, replaced in place and removed; readers see each")
  void deployedFunctionsChange() {
    assertThat(registry.add(fn("a"))).isTrue();
    assertThat(registry.add(fn("b"))).isTrue();
    HostedFunction newA = fn("a");

    assertThat(registry.replace(newA)).isPresent();
    assertThat(registry.find("a")).containsSame(newA);
    assertThat(registry.names()).containsExactly("enricher", "probe", "a", "b");
    assertThat(registry.remove("a")).isPresent();
    assertThat(registry.names()).containsExactly("enricher", "probe", "b");
    assertThat(registry.find("a")).isEmpty();
  }

  @Test
  @DisplayName(
      "a fixed function, the RIE alias or a taken name cannot be added, replaced or removed")
  void fixedFunctionsStay() {
    registry.add(fn("a"));

    assertThat(registry.add(fn("a"))).isFalse();
    assertThat(registry.add(fn("enricher"))).isFalse();
    assertThat(registry.add(fn(FunctionRegistry.RIE_ALIAS))).isFalse();
    assertThat(registry.replace(fn("probe"))).isEmpty();
    assertThat(registry.remove("enricher")).isEmpty();
    assertThat(registry.replace(fn("nobody"))).isEmpty();
    assertThat(registry.isFixed("probe")).isTrue();
    assertThat(registry.isFixed("a")).isFalse();
    assertThat(registry.find(FunctionRegistry.RIE_ALIAS)).contains(registry.defaultFunction());
  }

  private static HostedFunction fn(String name) {
    return new HostedFunction(
        name, new EchoFunction(), Duration.ofSeconds(1), 128, OptionalInt.empty());
  }
}
