package io.lambdagateway.gateway.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The per-invocation log")
class InvocationLogTest {

  @ParameterizedTest(name = "{0} lines")
  @ValueSource(ints = {1, 10, 100, 1000})
  @DisplayName("keeps exactly the last 4096 bytes, in order")
  void keepsTheTail(int lines) {
    InvocationLog log = new InvocationLog("id");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      String line = "line " + i + " " + "x".repeat(i % 37);
      log.platform(line);
      all.append(line).append('\n');
    }
    byte[] expected = all.toString().getBytes(StandardCharsets.UTF_8);
    int from = Math.max(0, expected.length - InvocationLog.TAIL_BYTES);

    assertThat(log.tail()).isEqualTo(java.util.Arrays.copyOfRange(expected, from, expected.length));
  }

  @ParameterizedTest(name = "a {0}-byte line")
  @ValueSource(ints = {4095, 4096, 10_000})
  @DisplayName("a single line longer than the tail keeps its end")
  void keepsTheEndOfALongLine(int length) {
    InvocationLog log = new InvocationLog("id");
    String line = "a".repeat(length - 1) + "z";
    log.platform(line);

    byte[] tail = log.tail();
    assertThat(tail).hasSize(Math.min(length + 1, InvocationLog.TAIL_BYTES));
    assertThat(new String(tail, StandardCharsets.UTF_8)).endsWith("z\n");
  }
}
