package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.function.EchoFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Concurrency limits and request ids")
class ConcurrencyLimiterTest {

  private static HostedFunction fn(String name, OptionalInt reserved) {
    return new HostedFunction(name, new EchoFunction(), Duration.ofSeconds(1), 128, reserved);
  }

  @ParameterizedTest(name = "account limit {0}, reserved {1}: {2} granted, then {3}")
  @CsvSource({
    "10, -1, 10, ConcurrentInvocationLimitExceeded",
    "10, 3, 3, ReservedFunctionConcurrentInvocationLimitExceeded",
    "2, 5, 2, ConcurrentInvocationLimitExceeded",
    "10, 0, 0, ReservedFunctionConcurrentInvocationLimitExceeded"
  })
  @DisplayName("grants slots up to the tighter limit, then names the limit that refused")
  void throttlesAtTheTighterLimit(int account, int reserved, int granted, String reason) {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(account);
    HostedFunction f = fn("f", reserved < 0 ? OptionalInt.empty() : OptionalInt.of(reserved));
    for (int i = 0; i < granted; i++) {
      assertThat(limiter.tryAcquire(f)).isNull();
    }

    assertThat(limiter.tryAcquire(f)).isEqualTo(reason);
    assertThat(limiter.inFlight()).isEqualTo(granted);
    for (int i = 0; i < granted; i++) {
      limiter.release(f);
    }
    assertThat(limiter.inFlight()).isZero();
    assertThat(limiter.tryAcquire(f)).isEqualTo(granted == 0 ? reason : null);
  }

  @Test
  @DisplayName("a released slot can be taken again, by the same or another function")
  void releasesSlots() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
    HostedFunction a = fn("a", OptionalInt.of(1));
    HostedFunction b = fn("b", OptionalInt.empty());

    assertThat(limiter.tryAcquire(a)).isNull();
    assertThat(limiter.tryAcquire(b)).isEqualTo(ConcurrencyLimiter.ACCOUNT_LIMIT);
    limiter.release(a);
    assertThat(limiter.tryAcquire(b)).isNull();
  }

  @Test
  @DisplayName("request ids are distinct version-4 UUIDs")
  void makesRequestIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(RequestIds.next());
    }

    assertThat(ids)
        .doesNotHaveDuplicates()
        .allSatisfy(
            id -> {
              assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
              assertThat(java.util.UUID.fromString(id).variant()).isEqualTo(2);
            });
  }
}
