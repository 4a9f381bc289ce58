package io.lambdagateway.transfer;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The response body being written by {@link BatchJson#transformRecords}: a list of byte chunks that
 * a function's fast path fills directly with pre-encoded JSON and that a Jackson generator ({@link
 * BatchJson#writeResult}) can write to as an {@link OutputStream}. {@link #finish()} hands the
 * chunks over as they are, as a {@link ResponseBody}, so that a server can send them without
 * copying them into one array first.
 *
 * <p>Why chunks, not one growing array: a growing array copies everything written so far at every
 * step and needs one contiguous block of the answer's size; a new chunk copies nothing. Without a
 * pool, each chunk is allocated for this response and dropped with it.
 *
 * <p>A fast path that gives up part-way {@link #truncate}s back to where it started. Bytes appended
 * directly must be exactly what the generator would have written; {@link #isPlain(String)} says
 * when a string is written as itself.
 *
 * <p>An output may have a size limit: an append that would take it past the limit throws {@link
 * ResponseTooLargeException} instead, and no chunk reaches past the limit, so a small input that
 * inflates into a huge answer costs at most the limit in memory.
 *
 * <p>An output made with a {@link ChunkPool} whose first chunk would be at least half a pool chunk
 * writes into the pool's chunks instead, all of one length (an append longer than a chunk gets a
 * chunk of its own, not pooled); the server that sends the body gives them back. A smaller answer
 * would waste most of a pooled chunk, and is written as without a pool.
 *
 * <p>Not thread-safe: one per response.
 */
public final class ResponseOutput extends OutputStream {

  /** The largest array the JVM reliably allocates. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  /** The largest chunk made for small appends: big enough that chunk changes are rare. */
  private static final int MAX_CHUNK_LENGTH = 1 << 20;

  private final int maxLength;

  /** Where the chunks come from, or null when each is allocated for this response. */
  private final ChunkPool pool;

  /** The chunks before the current one, each with its length in {@link #sealedLengths}. */
  private final List<byte[]> sealed = new ArrayList<>();

  private final List<Integer> sealedLengths = new ArrayList<>();

  /** The bytes in {@link #sealed}. */
  private int sealedLength;

  /** The current chunk, written up to {@link #position}. */
  private byte[] bytes;

  private int position;

  /** Where appending to the current chunk must change chunk or stop: its length or the limit. */
  private int end;

  /** An empty body with room for at least {@code initialCapacity} bytes and no limit. */
  public ResponseOutput(int initialCapacity) {
    this(initialCapacity, MAX_LENGTH);
  }

  /**
   * An empty body of at most {@code maxLength} bytes, with a first chunk of {@code initialCapacity}
   * bytes (at most {@code maxLength} and a megabyte).
   */
  public ResponseOutput(int initialCapacity, int maxLength) {
    this(initialCapacity, maxLength, null);
  }

  /**
   * An empty body of at most {@code maxLength} bytes, written into {@code pool}'s chunks when a
   * first chunk of {@code initialCapacity} bytes would be at least half of one of them, else as
   * {@link #ResponseOutput(int, int)}.
   */
  public ResponseOutput(int initialCapacity, int maxLength, ChunkPool pool) {
    this.maxLength = Math.min(maxLength, MAX_LENGTH);
    int capacity = Math.min(Math.max(initialCapacity, 64), MAX_CHUNK_LENGTH);
    boolean pooled = pool != null && 2L * capacity >= pool.chunkLength();
    this.pool = pooled ? pool : null;
    this.bytes = pooled ? pool.take() : new byte[Math.min(capacity, this.maxLength)];
    this.end = chunkEnd();
  }

  /** The number of bytes written so far: a mark to {@link #truncate} back to. */
  public int length() {
    return sealedLength + position;
  }

  /** How many more bytes fit before the limit. */
  public int remaining() {
    return maxLength - length();
  }

  /**
   * Checks, without allocating, that {@code bytes} more would fit.
   *
   * @throws ResponseTooLargeException when they would not
   */
  public void requireRoom(long bytes) {
    if (bytes > remaining()) {
      throw new ResponseTooLargeException(maxLength);
    }
  }

  /** Forgets everything written after {@code mark}. */
  public void truncate(int mark) {
    while (mark < sealedLength) {
      int last = sealed.size() - 1;
      bytes = sealed.remove(last);
      position = sealedLengths.remove(last);
      sealedLength -= position;
    }
    position = mark - sealedLength;
    end = chunkEnd();
  }

  public void append(byte[] source) {
    append(source, 0, source.length);
  }

  public void append(byte[] source, int offset, int count) {
    if (count > end - position) {
      appendAcrossChunks(source, offset, count);
      return;
    }
    System.arraycopy(source, offset, bytes, position, count);
    position += count;
  }

  public void append(byte b) {
    ensureRoom(1);
    bytes[position++] = b;
  }

  /** Appends the decimal digits of a non-negative int. */
  public void appendDigits(int value) {
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensureRoom(digits);
    for (int i = position + digits - 1; i >= position; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    position += digits;
  }

  /** Appends {@code "text"} and true if the generator would write exactly that; else false. */
  public boolean appendPlainString(String text) {
    if (!isPlain(text)) {
      return false;
    }
    ensureRoom(text.length() + 2);
    bytes[position++] = '"';
    for (int i = 0; i < text.length(); i++) {
      bytes[position++] = (byte) text.charAt(i);
    }
    bytes[position++] = '"';
    return true;
  }

  /** True when the generator writes {@code text} as itself: one ASCII byte per character. */
  public static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isPlain(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** True when the generator writes this character of a string as itself, one byte. */
  public static boolean isPlain(int c) {
    return c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
  }

  @Override
  public void write(int b) {
    append((byte) b);
  }

  @Override
  public void write(byte[] source, int offset, int count) {
    append(source, offset, count);
  }

  /** The bytes written, in their chunks; this output must not be used afterwards. */
  public ResponseBody finish() {
    List<byte[]> chunks = new ArrayList<>(sealed);
    List<Integer> lengths = new ArrayList<>(sealedLengths);
    if (position > 0) {
      chunks.add(bytes);
      lengths.add(position);
    }
    bytes = null;
    return new ResponseBody(chunks, lengths, length());
  }

  /** The bytes written, in one array of exactly their length; for callers that need one. */
  byte[] toByteArray() {
    return finish().toByteArray();
  }

  /** Makes room for {@code more} contiguous bytes in the current chunk. */
  private void ensureRoom(int more) {
    if (more > end - position) {
      nextChunk(more);
    }
  }

  private void appendAcrossChunks(byte[] source, int offset, int count) {
    requireRoom(count);
    int head = Math.min(count, end - position);
    System.arraycopy(source, offset, bytes, position, head);
    position += head;
    if (head < count) {
      nextChunk(count - head);
      System.arraycopy(source, offset + head, bytes, position, count - head);
      position += count - head;
    }
  }

  /** Seals the current chunk and starts one with room for {@code more} bytes. */
  private void nextChunk(int more) {
    requireRoom(more);
    if (position > 0) {
      sealed.add(bytes);
      sealedLengths.add(position);
      sealedLength += position;
    }
    if (pool != null && more <= pool.chunkLength()) {
      bytes = pool.take();
    } else {
      int length = Math.max(more, Math.min(2 * bytes.length, MAX_CHUNK_LENGTH));
      bytes = new byte[Math.min(length, maxLength - sealedLength)];
    }
    position = 0;
    end = chunkEnd();
  }

  private int chunkEnd() {
    return Math.min(bytes.length, maxLength - sealedLength);
  }
}
