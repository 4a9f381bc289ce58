package io.lambdagateway.transfer;

import java.util.Arrays;
import java.util.List;

/**
 * A finished response body, as the chunks {@link ResponseOutput} wrote it: a server can send the
 * chunks as they are ({@link #forEachChunk}) instead of copying them into one array.
 */
public final class ResponseBody {

  private final List<byte[]> chunks;
  private final List<Integer> lengths;
  private final int length;

  ResponseBody(List<byte[]> chunks, List<Integer> lengths, int length) {
    this.chunks = chunks;
    this.lengths = lengths;
    this.length = length;
  }

  /** The body's size in bytes. */
  public int length() {
    return length;
  }

  /**
   * Calls {@code consumer} with each chunk in order: its first {@code length} bytes are the body's.
   */
  public void forEachChunk(ChunkConsumer consumer) {
    for (int i = 0; i < chunks.size(); i++) {
      consumer.accept(chunks.get(i), lengths.get(i));
    }
  }

  /** The body in one array of exactly its length: a copy, for callers that need one array. */
  public byte[] toByteArray() {
    if (chunks.size() == 1) {
      return Arrays.copyOf(chunks.get(0), length);
    }
    byte[] all = new byte[length];
    int[] at = {0};
    forEachChunk(
        (chunk, count) -> {
          System.arraycopy(chunk, 0, all, at[0], count);
          at[0] += count;
        });
    return all;
  }

  /** Receives one chunk of a body. */
  @FunctionalInterface
  public interface ChunkConsumer {
    void accept(byte[] chunk, int length);
  }
}
