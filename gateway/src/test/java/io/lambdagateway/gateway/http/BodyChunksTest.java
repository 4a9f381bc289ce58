package io.lambdagateway.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A request body's chunks, kept and joined")
class BodyChunksTest {

  @Test
  @DisplayName("A body in one chunk is that chunk, not a copy")
  void oneChunkIsItself() {
    BodyChunks body = new BodyChunks();
    Buffer only = Buffer.buffer("{\"Records\":[]}");

    body.add(only);

    assertThat(body.joined()).isSameAs(only);
  }

  @Test
  @DisplayName("Large chunks are kept as they are and joined once, in order")
  void largeChunksJoinInOrder() {
    BodyChunks body = new BodyChunks();
    byte[] expected = new byte[3 * BodyChunks.SMALL_CHUNK + 5];
    Arrays.fill(expected, 0, BodyChunks.SMALL_CHUNK, (byte) 'a');
    Arrays.fill(expected, BodyChunks.SMALL_CHUNK, 2 * BodyChunks.SMALL_CHUNK, (byte) 'b');
    Arrays.fill(expected, 2 * BodyChunks.SMALL_CHUNK, expected.length, (byte) 'c');

    body.add(Buffer.buffer(Arrays.copyOfRange(expected, 0, BodyChunks.SMALL_CHUNK)));
    body.add(
        Buffer.buffer(
            Arrays.copyOfRange(expected, BodyChunks.SMALL_CHUNK, 2 * BodyChunks.SMALL_CHUNK)));
    body.add(
        Buffer.buffer(Arrays.copyOfRange(expected, 2 * BodyChunks.SMALL_CHUNK, expected.length)));

    assertThat(body.buffers()).isEqualTo(3);
    assertThat(body.joined().getBytes()).isEqualTo(expected);
  }

  @Test
  @DisplayName("A body sent a byte at a time is held in a few buffers, not one per byte")
  void tinyChunksAreCopiedTogether() {
    BodyChunks body = new BodyChunks();
    byte[] expected = new byte[100_000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) ('a' + i % 26);
      body.add(Buffer.buffer(new byte[] {expected[i]}));
    }
    body.add(Buffer.buffer(new byte[BodyChunks.SMALL_CHUNK]));
    body.add(Buffer.buffer(new byte[] {'z'}));

    assertThat(body.buffers()).isEqualTo(3);
    byte[] joined = body.joined().getBytes();
    assertThat(Arrays.copyOf(joined, expected.length)).isEqualTo(expected);
    assertThat(joined).hasSize(expected.length + BodyChunks.SMALL_CHUNK + 1);
    assertThat(joined[joined.length - 1]).isEqualTo((byte) 'z');
  }
}
