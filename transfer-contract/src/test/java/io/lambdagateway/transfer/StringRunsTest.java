package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Runs of a JSON string's own bytes end exactly where a byte-at-a-time reader says")
class StringRunsTest {

  @Test
  @DisplayName("every byte value, at every position of a word and of the tail after the words")
  void everyByteAtEveryPosition() {
    for (int value = 0; value < 256; value++) {
      for (int position = 0; position < 19; position++) {
        byte[] bytes = new byte[19];
        Arrays.fill(bytes, (byte) 'a');
        bytes[position] = (byte) value;
        assertEnds(bytes, 0, bytes.length);
      }
    }
  }

  @Test
  @DisplayName("random text, starts and ends: mostly plain, with the bytes that end a run mixed in")
  void randomRuns() {
    Random random = new Random(7);
    byte[] specials = {'"', '\\', '\n', 0, 0x1F, 0x7F, (byte) 0x80, (byte) 0xE2, ' ', '~'};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(70)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] =
            random.nextInt(40) == 0
                ? specials[random.nextInt(specials.length)]
                : (byte) (0x20 + random.nextInt(0x5F));
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertEnds(bytes, from, to);
    }
  }

  private static void assertEnds(byte[] bytes, int from, int to) {
    assertThat(StringRuns.end(bytes, from, to))
        .as("run of %s from %d to %d", Arrays.toString(bytes), from, to)
        .isEqualTo(slowEnd(bytes, from, to));
  }

  private static int slowEnd(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') {
        break;
      }
      i++;
    }
    return i;
  }
}
