package io.lambdagateway.transfer;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Response chunks of one length that a server gives back once it has sent them, for the next
 * response to write into: a {@link ResponseOutput} made with a pool takes its chunks here.
 *
 * <p>Why: a gateway under load writes a fresh answer per call, 2.4 MB for a 1 MB batch. Allocated
 * anew, those arrays were half of what a call allocated; the young collections they caused promoted
 * the request bodies still arriving, and at 16 concurrent 1 MB calls the serial collector paused
 * for about 40 % of the time, mostly in full collections (BENCHMARKS.md). A chunk taken from here
 * costs neither the allocation nor its zeroing.
 *
 * <p>Only the code that sent a response's bytes and will never read them again may {@link
 * #giveBack} its chunks. A chunk not given back is simply collected, so an answer that is dropped,
 * queued or kept needs no care. At most {@code maxIdleChunks} wait here; more are dropped.
 *
 * <p>Thread-safe: responses are written on several threads and sent on others.
 */
public final class ChunkPool {

  private final int chunkLength;
  private final ArrayBlockingQueue<byte[]> idle;

  /**
   * @param chunkLength the length of every chunk
   * @param maxIdleChunks how many chunks given back are kept at most
   */
  public ChunkPool(int chunkLength, int maxIdleChunks) {
    if (chunkLength < 64 || maxIdleChunks < 1) {
      throw new IllegalArgumentException(
          "a chunk pool needs chunks of 64 bytes or more and room for one");
    }
    this.chunkLength = chunkLength;
    this.idle = new ArrayBlockingQueue<>(maxIdleChunks);
  }

  /** The length of every chunk this pool hands out. */
  public int chunkLength() {
    return chunkLength;
  }

  /** An idle chunk, or a new one when none is idle; its old bytes are not cleared. */
  byte[] take() {
    byte[] chunk = idle.poll();
    return chunk != null ? chunk : new byte[chunkLength];
  }

  /**
   * Keeps {@code chunk} for a later response if it is one of this pool's length and there is room;
   * the caller must not touch it afterwards.
   */
  public void giveBack(byte[] chunk) {
    if (chunk.length == chunkLength) {
      idle.offer(chunk);
    }
  }

  /** How many chunks wait to be taken. */
  public int idleChunks() {
    return idle.size();
  }
}
