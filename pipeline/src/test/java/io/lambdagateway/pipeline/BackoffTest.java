package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

  @Test
  @DisplayName("Ceilings double from the initial delay and stop at the maximum")
  void schedule() {
    assertThat(
            new long[] {
              backoff.ceilingMs(1),
              backoff.ceilingMs(2),
              backoff.ceilingMs(3),
              backoff.ceilingMs(4),
              backoff.ceilingMs(5),
              backoff.ceilingMs(6),
              backoff.ceilingMs(100)
            })
        .containsExactly(200, 400, 800, 1600, 3200, 5000, 5000);
  }

  @Test
  @DisplayName("Jitter keeps each delay between half the ceiling and the ceiling")
  void jitterBounds() {
    assertThat(backoff.delayMs(3, () -> 0.0)).isEqualTo(400);
    assertThat(backoff.delayMs(3, () -> 0.5)).isEqualTo(600);
    assertThat(backoff.delayMs(3, () -> 0.999_999)).isEqualTo(799);
  }
}
