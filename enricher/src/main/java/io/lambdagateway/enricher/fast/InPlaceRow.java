package io.lambdagateway.enricher.fast;

import io.lambdagateway.transfer.ResponseOutput;

/**
 * The {@code ts} and {@code data} of one row read in a single pass, where they stand: {@link
 * io.lambdagateway.enricher.QueryRow}'s rules for the rows that need no decoding. The {@code data}
 * value is scanned by the {@link DataScanner} as it is found, instead of being framed first and
 * scanned again, which saves a pass over most of the row's bytes.
 *
 * <p>{@link #read} answers false, and the caller reads the row with {@code QueryRow}, when a name
 * or the {@code ts} value holds {@code %} or {@code +}, or when the first {@code data} value is not
 * one object the scanner covers in place ({@link DataScanner#scanInPlace}). So whatever it reads,
 * it reads exactly as {@code QueryRow} would; {@code InPlaceRowTest} holds the two to that.
 *
 * <p>Not thread-safe: one per record being enriched.
 */
final class InPlaceRow {

  private static final byte[] TS = {'t', 's'};
  private static final byte[] DATA = {'d', 'a', 't', 'a'};

  // What a byte of a parameter's value is, as bit flags looked up once per byte: one pass finds the
  // value's end and says whether it needs decoding and whether it is plain, instead of three.
  private static final byte ENDS_VALUE = 1;
  private static final byte ESCAPES = 2;
  private static final byte NOT_PLAIN = 4;
  private static final byte[] VALUE_BYTES = valueBytes();

  private int tsStart;
  private int tsEnd;
  private boolean tsPlain;

  /** The flags of the bytes of the value {@link #valueEnd} scanned last. */
  private int valueFlags;

  private boolean hasData;
  private int end;

  /**
   * Reads the row that starts at {@code start} and ends at the first {@code \n} or at {@code
   * limit}; true when it needs no decoding. After true, the first {@code data} value (if any) has
   * been scanned by {@code data} and its frames are positions in {@code bytes}.
   */
  boolean read(byte[] bytes, int start, int limit, DataScanner data) {
    tsStart = -1;
    hasData = false;
    int position = start < limit && bytes[start] == '?' ? start + 1 : start;
    while (position < limit && bytes[position] != '\n') {
      int equals = nameEnd(bytes, position, limit);
      if (equals < 0) {
        return false;
      }
      int next = parameter(bytes, position, equals, limit, data);
      if (next < 0) {
        return false;
      }
      position = next < limit && bytes[next] == '&' ? next + 1 : next;
    }
    end = Math.min(position, limit);
    return true;
  }

  /** Where the row ends: the index of its {@code \n}, or the limit it was read to. */
  int end() {
    return end;
  }

  boolean hasTs() {
    return tsStart >= 0;
  }

  int tsStart() {
    return tsStart;
  }

  int tsLength() {
    return tsEnd - tsStart;
  }

  /** True when the generator writes the {@code ts} value back as itself. */
  boolean isTsPlain() {
    return tsPlain;
  }

  /** True when the row has a {@code data} parameter (then {@code data}'s frames are its). */
  boolean hasData() {
    return hasData;
  }

  /**
   * The end of the name starting at {@code from}: its {@code =}, or the parameter's end when it has
   * none; -1 when the name holds {@code %} or {@code +}.
   */
  private static int nameEnd(byte[] bytes, int from, int limit) {
    for (int i = from; i < limit; i++) {
      switch (bytes[i]) {
        case '=', '&', '\n':
          return i;
        case '%', '+':
          return -1;
        default:
          break;
      }
    }
    return limit;
  }

  /**
   * Reads the parameter whose name is {@code [from, nameEnd)}; answers the index of its end (its
   * {@code &}, {@code \n} or the limit), or -1 when the row needs {@code QueryRow}.
   */
  private int parameter(byte[] bytes, int from, int nameEnd, int limit, DataScanner data) {
    boolean hasValue = nameEnd < limit && bytes[nameEnd] == '=';
    int valueStart = hasValue ? nameEnd + 1 : nameEnd;
    if (!hasData && DataScanner.matches(DATA, bytes, from, nameEnd)) {
      hasData = true;
      return hasValue ? data.scanInPlace(bytes, valueStart, limit) : -1;
    }
    int valueEnd = valueEnd(bytes, valueStart, limit);
    if (tsStart < 0 && DataScanner.matches(TS, bytes, from, nameEnd)) {
      if ((valueFlags & ESCAPES) != 0) {
        return -1;
      }
      tsStart = valueStart;
      tsEnd = valueEnd;
      tsPlain = (valueFlags & NOT_PLAIN) == 0;
    }
    return valueEnd;
  }

  /** The end of the value starting at {@code from}, its bytes' flags in {@link #valueFlags}. */
  private int valueEnd(byte[] bytes, int from, int limit) {
    int flags = 0;
    int i = from;
    for (; i < limit; i++) {
      int kind = VALUE_BYTES[bytes[i] & 0xFF];
      if ((kind & ENDS_VALUE) != 0) {
        break;
      }
      flags |= kind;
    }
    valueFlags = flags;
    return i;
  }

  private static byte[] valueBytes() {
    byte[] kinds = new byte[256];
    for (int b = 0; b < kinds.length; b++) {
      int kind = ResponseOutput.isPlain(b) ? 0 : NOT_PLAIN;
      if (b == '&' || b == '\n') {
        kind |= ENDS_VALUE;
      } else if (b == '%' || b == '+') {
        kind |= ESCAPES;
      }
      kinds[b] = (byte) kind;
    }
    return kinds;
  }
}
