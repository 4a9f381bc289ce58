package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The chunk pool and the outputs written into it")
class ChunkPoolTest {

  private static final int CHUNK = 1024;

  @Test
  @DisplayName("hands a chunk given back to the next taker, and a new one when none is idle")
  void reusesWhatIsGivenBack() {
    ChunkPool pool = new ChunkPool(CHUNK, 4);
    byte[] first = pool.take();

    pool.giveBack(first);

    assertThat(pool.idleChunks()).isEqualTo(1);
    assertThat(pool.take()).isSameAs(first);
    assertThat(pool.take()).isNotSameAs(first).hasSize(CHUNK);
  }

  @Test
  @DisplayName("keeps at most its bound and no array of another length")
  void boundedAndOneLength() {
    ChunkPool pool = new ChunkPool(CHUNK, 2);

    pool.giveBack(new byte[CHUNK + 1]);
    pool.giveBack(new byte[CHUNK]);
    pool.giveBack(new byte[CHUNK]);
    pool.giveBack(new byte[CHUNK]);

    assertThat(pool.idleChunks()).isEqualTo(2);
    assertThatThrownBy(() -> new ChunkPool(CHUNK, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an output of at least half a chunk writes into pool chunks, exactly as without one")
  void pooledOutputWritesTheSameBytes() {
    ChunkPool pool = new ChunkPool(CHUNK, 64);
    String text = numbers(3000);

    ResponseBody pooled = written(new ResponseOutput(CHUNK / 2, Integer.MAX_VALUE, pool), text);
    ResponseBody plain = written(new ResponseOutput(CHUNK / 2, Integer.MAX_VALUE), text);

    assertThat(chunkLengths(pooled)).hasSizeGreaterThan(1).containsOnly(CHUNK);
    assertThat(text(pooled.toByteArray())).isEqualTo(text).isEqualTo(text(plain.toByteArray()));
  }

  @Test
  @DisplayName("a smaller output does not take a pool chunk")
  void smallOutputIsNotPooled() {
    ChunkPool pool = new ChunkPool(CHUNK, 64);

    ResponseBody body = written(new ResponseOutput(CHUNK / 2 - 1, Integer.MAX_VALUE, pool), "[]");

    assertThat(chunkLengths(body)).containsExactly(CHUNK / 2 - 1);
  }

  @Test
  @DisplayName("an append longer than a chunk gets a chunk of its own, outside the pool")
  void longAppendIsNotSplitIntoThePool() {
    ChunkPool pool = new ChunkPool(CHUNK, 64);
    ResponseOutput out = new ResponseOutput(CHUNK, Integer.MAX_VALUE, pool);
    byte[] longer = new byte[3 * CHUNK];
    Arrays.fill(longer, (byte) 'x');

    out.append((byte) '[');
    out.append(longer);
    out.append((byte) ']');
    ResponseBody body = out.finish();

    assertThat(chunkLengths(body)).contains(CHUNK);
    assertThat(body.length()).isEqualTo(longer.length + 2);
    assertThat(text(body.toByteArray())).isEqualTo("[" + "x".repeat(longer.length) + "]");
  }

  @Test
  @DisplayName(
      "a body written into chunks given back holds only its own bytes, not the previous ones")
  void reusedChunksHoldOnlyTheNewBody() {
    ChunkPool pool = new ChunkPool(CHUNK, 64);
    ResponseBody first =
        written(new ResponseOutput(CHUNK, Integer.MAX_VALUE, pool), "z".repeat(5000));
    first.forEachChunk((chunk, length) -> pool.giveBack(chunk));
    int idle = pool.idleChunks();

    String text = numbers(700);
    ResponseBody second = written(new ResponseOutput(CHUNK, Integer.MAX_VALUE, pool), text);

    assertThat(pool.idleChunks()).isLessThan(idle);
    assertThat(text(second.toByteArray())).isEqualTo(text);
  }

  @Test
  @DisplayName("a pooled output keeps its limit")
  void pooledOutputKeepsTheLimit() {
    ChunkPool pool = new ChunkPool(CHUNK, 64);
    ResponseOutput out = new ResponseOutput(CHUNK, 100, pool);
    out.append(new byte[100]);

    assertThatThrownBy(() -> out.append((byte) '!')).isInstanceOf(ResponseTooLargeException.class);
  }

  private static ResponseBody written(ResponseOutput out, String text) {
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      out.append(b);
    }
    return out.finish();
  }

  private static List<Integer> chunkLengths(ResponseBody body) {
    List<Integer> lengths = new ArrayList<>();
    body.forEachChunk((chunk, length) -> lengths.add(chunk.length));
    return lengths;
  }

  private static String numbers(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i).append(',');
    }
    return text.toString();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
