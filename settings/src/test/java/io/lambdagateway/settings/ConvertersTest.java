package io.lambdagateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The duration and size grammars")
class ConvertersTest {

  @ParameterizedTest(name = "''{0}'' = {1} ms")
  @CsvSource(
      delimiter = '|',
      value = {
        "250ms | 250",
        "500MS | 500",
        "30s | 30000",
        "1.5s | 1500",
        "30 | 30000",
        "0 | 0",
        "0s | 0",
        "2m | 120000",
        "15m | 900000",
        "1h | 3600000",
        "' 2 m ' | 120000",
        "1.0 s | 1000",
        "1500ms | 1500"
      })
  @DisplayName("durations take ms, s, m and h, decimals, and bare numbers as seconds")
  void parsesDurations(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "soon", "-1s", "5d", "1.s", "s", "1 2s", "99999999999999999999h"})
  @DisplayName("anything else is not a duration, and the error says what is")
  void refusesDurations(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Durations.ACCEPTED);
  }

  @ParameterizedTest(name = "''{0}'' = {1} bytes")
  @CsvSource(
      delimiter = '|',
      value = {
        "1048576 | 1048576",
        "512KB | 524288",
        "512kb | 524288",
        "1MB | 1048576",
        "1.0 MB | 1048576",
        "1.5MB | 1572864",
        "6MB | 6291456",
        "6MiB | 6291456",
        "6291456 | 6291456",
        "1000 | 1000",
        "100B | 100",
        "0 | 0",
        "4KiB | 4096"
      })
  @DisplayName("sizes take B, KB, KiB, MB, MiB (1024-based), decimals, and bare bytes")
  void parsesSizes(String text, long bytes) {
    assertThat(Sizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "big", "1 GB", "-1", "1MBB", "MB", "1e6"})
  @DisplayName("anything else is not a size, and the error says what is")
  void refusesSizes(String text) {
    assertThatThrownBy(() -> Sizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Sizes.ACCEPTED);
  }
}
