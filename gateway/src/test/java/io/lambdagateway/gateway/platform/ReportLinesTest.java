package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The REPORT line's durations")
class ReportLinesTest {

  @Test
  @DisplayName("are written as String.format(\"%.2f\") writes the milliseconds")
  void millisAsFormat() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long nanos =
          switch (i % 4) {
            case 0 -> random.nextLong(0, 100_000);
            case 1 -> random.nextLong(0, 10_000_000);
            case 2 -> random.nextLong(0, 1_000) * 5_000; // every half-way case, 0.005 ms apart
            default -> random.nextLong(0, 900_000_000_000L);
          };
      assertThat(ReportLines.millis(Duration.ofNanos(nanos)))
          .as("%d ns", nanos)
          .isEqualTo(String.format(Locale.ROOT, "%.2f", nanos / 1e6));
    }
  }

  @Test
  @DisplayName("a negative duration is written as zero")
  void negativeIsZero() {
    assertThat(ReportLines.millis(Duration.ofNanos(-5))).isEqualTo("0.00");
  }
}
