package io.lambdagateway.transfer;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The response body being written by {@link BatchJson#transformRecords}: one growing byte array
 * that a function's fast path fills directly with pre-encoded JSON and that a Jackson generator
 * ({@link BatchJson#writeResult}) can write to as an {@link OutputStream}.
 *
 * <p>Why not a generator over a {@code ByteArrayBuilder}: every output byte then went through the
 * generator's buffer, the builder's segments and the final array, and allocating the segments alone
 * cost a seventh of a transform. Here a byte is copied once into the array and once into the
 * exact-size result. A fast path that gives up part-way {@link #truncate}s back to where it
 * started. Bytes appended directly must be exactly what the generator would have written; {@link
 * #isPlain(String)} says when a string is written as itself.
 *
 * <p>An output may have a size limit: an append that would take it past the limit throws {@link
 * ResponseTooLargeException} instead, and the array never grows past the limit, so a small input
 * that inflates into a huge answer costs at most the limit in memory.
 *
 * <p>Not thread-safe: one per response.
 */
public final class ResponseOutput extends OutputStream {

  /** The largest array the JVM reliably allocates. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  private final int maxLength;
  private byte[] bytes;
  private int length;

  /** Where appending must grow the array or stop: the smaller of its length and the limit. */
  private int end;

  /**
   * Each thread keeps its largest working array up to this size between responses: allocating (and
   * so zeroing) a fresh array of several MB per response cost about a tenth of a transform.
   */
  private static final int MAX_KEPT_LENGTH = 32 << 20;

  private static final ThreadLocal<byte[]> KEPT = new ThreadLocal<>();

  /** An empty body with room for at least {@code initialCapacity} bytes and no limit. */
  public ResponseOutput(int initialCapacity) {
    this(initialCapacity, MAX_LENGTH);
  }

  /**
   * An empty body of at most {@code maxLength} bytes, with room for {@code initialCapacity} of them
   * (or {@code maxLength}, when smaller).
   */
  public ResponseOutput(int initialCapacity, int maxLength) {
    this.maxLength = Math.min(maxLength, MAX_LENGTH);
    int capacity = Math.min(Math.max(initialCapacity, 64), this.maxLength);
    byte[] kept = KEPT.get();
    KEPT.remove();
    this.bytes = kept != null && kept.length >= capacity ? kept : new byte[capacity];
    this.end = Math.min(bytes.length, this.maxLength);
  }

  /** The number of bytes written so far: a mark to {@link #truncate} back to. */
  public int length() {
    return length;
  }

  /** How many more bytes fit before the limit. */
  public int remaining() {
    return maxLength - length;
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
    length = mark;
  }

  public void append(byte[] source) {
    append(source, 0, source.length);
  }

  public void append(byte[] source, int offset, int count) {
    ensureRoom(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  public void append(byte b) {
    ensureRoom(1);
    bytes[length++] = b;
  }

  /** Appends the decimal digits of a non-negative int. */
  public void appendDigits(int value) {
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensureRoom(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
  }

  /** Appends {@code "text"} and true if the generator would write exactly that; else false. */
  public boolean appendPlainString(String text) {
    if (!isPlain(text)) {
      return false;
    }
    ensureRoom(text.length() + 2);
    bytes[length++] = '"';
    for (int i = 0; i < text.length(); i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
    bytes[length++] = '"';
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

  /**
   * The bytes written, in an array of exactly their length; the working array is then kept for this
   * thread's next response, so this output must not be used afterwards.
   */
  byte[] toByteArray() {
    byte[] result = Arrays.copyOf(bytes, length);
    if (bytes.length <= MAX_KEPT_LENGTH) {
      KEPT.set(bytes);
    }
    bytes = null;
    return result;
  }

  private void ensureRoom(int more) {
    if (more > end - length) {
      grow(more);
    }
  }

  private void grow(int more) {
    long needed = (long) length + more;
    if (needed > maxLength) {
      throw new ResponseTooLargeException(maxLength);
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(2L * bytes.length, needed), maxLength));
    }
    end = Math.min(bytes.length, maxLength);
  }
}
