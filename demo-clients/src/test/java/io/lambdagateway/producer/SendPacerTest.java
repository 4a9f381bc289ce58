package io.lambdagateway.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SendPacer")
class SendPacerTest {

  @Test
  @DisplayName(
      "At 10 msg/s message n is due n * 100 ms after the start, and a late message is due at once")
  void spacesSends() {
    SendPacer pacer = new SendPacer(10, 1_000);

    assertThat(pacer.delayNanos(0, 1_000)).isZero();
    assertThat(pacer.delayNanos(1, 1_000)).isEqualTo(100_000_000);
    assertThat(pacer.delayNanos(5, 1_000 + 200_000_000)).isEqualTo(300_000_000);
    assertThat(pacer.delayNanos(2, 1_000 + 900_000_000)).isZero();
  }

  @Test
  @DisplayName("A rate of 0 never delays")
  void unlimited() {
    assertThat(new SendPacer(0, 0).delayNanos(1_000_000, 0)).isZero();
  }
}
