package io.lambdagateway.enricher;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code ts} and {@code data} parameters of one row, read with the browser's {@code
 * URLSearchParams} rules (WHATWG application/x-www-form-urlencoded parsing).
 *
 * <ul>
 *   <li>One leading {@code ?} is ignored; the row is split on <em>every</em> {@code &}, then each
 *       part on its first {@code =} (a part without {@code =} is a name with an empty value).
 *   <li>{@code +} becomes a space, {@code %XX} becomes the byte XX, a {@code %} not followed by two
 *       hex digits stays as it is; the bytes are then read as UTF-8.
 *   <li>The first parameter of a name wins, as {@code URLSearchParams.get} does.
 * </ul>
 *
 * <p>So raw (unencoded) JSON in {@code data}, as the public producer writes it, works as long as it
 * holds no {@code &}, {@code +} or {@code %XX}: like the browser, an {@code &} inside a JSON string
 * cuts the value (the row then fails as "not JSON") and a {@code +} reads as a space. Producers
 * that need those characters percent-encode the JSON.
 *
 * <p>A value with nothing to decode is not copied: {@link #dataBytes()} and {@link #tsBytes()} then
 * are the row's own buffer, and the JSON parser reads it in place.
 */
public final class QueryRow {

  private static final byte[] TS = {'t', 's'};
  private static final byte[] DATA = {'d', 'a', 't', 'a'};

  /**
   * The bytes that end, split or escape a parameter: {@code \n & = % +}. Looking a byte up here is
   * one test instead of four for the usual byte, which matters in this, the hottest loop.
   */
  private static final boolean[] SPECIAL = new boolean[256];

  static {
    for (char c : new char[] {'\n', '&', '=', '%', '+'}) {
      SPECIAL[c] = true;
    }
  }

  private byte[] tsBytes;
  private int tsOffset;
  private int tsLength;
  private byte[] dataBytes;
  private int dataOffset;
  private int dataLength;
  private int end;

  private QueryRow() {}

  /**
   * Parses the row that starts at {@code start} and ends at the first {@code \n} or at {@code
   * limit}, whichever comes first, in one pass over its bytes; {@link #end()} says where.
   */
  public static QueryRow parse(byte[] buffer, int start, int limit) {
    QueryRow row = new QueryRow();
    int position = start < limit && buffer[start] == '?' ? start + 1 : start;
    while (position < limit && buffer[position] != '\n') {
      int equals = -1;
      boolean valueEscaped = false;
      int next = position;
      for (; next < limit; next++) {
        byte b = buffer[next];
        if (!SPECIAL[b & 0xFF]) {
          continue;
        }
        if (b == '&' || b == '\n') {
          break;
        }
        if (b == '=') {
          equals = equals < 0 ? next : equals;
        } else if (equals >= 0) {
          valueEscaped = true;
        }
      }
      if (equals < 0) {
        row.readParameter(buffer, position, next, next, false);
      } else {
        row.readParameter(buffer, position, equals, next, valueEscaped);
      }
      position = next < limit && buffer[next] == '&' ? next + 1 : next;
    }
    row.end = Math.min(position, limit);
    return row;
  }

  /** Where the row ends: the index of its {@code \n}, or the limit it was parsed to. */
  public int end() {
    return end;
  }

  /** The first {@code ts} value, or null when the row has none. */
  String ts() {
    return tsBytes == null ? null : new String(tsBytes, tsOffset, tsLength, StandardCharsets.UTF_8);
  }

  /** True when the row has a {@code ts} parameter. */
  public boolean hasTs() {
    return tsBytes != null;
  }

  /** The decoded bytes of {@code ts}: like {@link #dataBytes()}, in place when not escaped. */
  public byte[] tsBytes() {
    return tsBytes;
  }

  public int tsOffset() {
    return tsOffset;
  }

  public int tsLength() {
    return tsLength;
  }

  /** True when the row has a {@code data} parameter. */
  public boolean hasData() {
    return dataBytes != null;
  }

  public byte[] dataBytes() {
    return dataBytes;
  }

  public int dataOffset() {
    return dataOffset;
  }

  public int dataLength() {
    return dataLength;
  }

  /** Reads the parameter named by {@code [start, equals)} with the value up to {@code end}. */
  private void readParameter(byte[] buffer, int start, int equals, int end, boolean valueEscaped) {
    int valueStart = equals == end ? end : equals + 1;
    if (tsBytes == null && nameIs(TS, buffer, start, equals)) {
      tsBytes = valueEscaped ? decode(buffer, valueStart, end) : buffer;
      tsOffset = valueEscaped ? 0 : valueStart;
      tsLength = valueEscaped ? tsBytes.length : end - valueStart;
    } else if (dataBytes == null && nameIs(DATA, buffer, start, equals)) {
      dataBytes = valueEscaped ? decode(buffer, valueStart, end) : buffer;
      dataOffset = valueEscaped ? 0 : valueStart;
      dataLength = valueEscaped ? dataBytes.length : end - valueStart;
    }
  }

  private static boolean nameIs(byte[] expected, byte[] buffer, int start, int end) {
    if (needsDecoding(buffer, start, end)) {
      return Arrays.equals(expected, decode(buffer, start, end));
    }
    return Arrays.equals(expected, 0, expected.length, buffer, start, end);
  }

  private static boolean needsDecoding(byte[] buffer, int start, int end) {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '%' || buffer[i] == '+') {
        return true;
      }
    }
    return false;
  }

  private static byte[] decode(byte[] buffer, int start, int end) {
    byte[] decoded = new byte[end - start];
    int length = 0;
    for (int i = start; i < end; i++) {
      byte b = buffer[i];
      if (b == '+') {
        b = ' ';
      } else if (b == '%' && isEscape(buffer, i, end)) {
        b = (byte) (hex(buffer[i + 1]) << 4 | hex(buffer[i + 2]));
        i += 2;
      }
      decoded[length++] = b;
    }
    return Arrays.copyOf(decoded, length);
  }

  private static boolean isEscape(byte[] buffer, int percent, int end) {
    return percent + 2 < end && hex(buffer[percent + 1]) >= 0 && hex(buffer[percent + 2]) >= 0;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
