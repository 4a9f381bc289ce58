package io.lambdagateway.enricher.fast;

/**
 * A strict, allocation-free reader of the usual {@code data} JSON of a row, for the fast path: it
 * checks that {@code data} is one JSON object and finds the raw text of its {@code payload}, {@code
 * appid} and {@code identity} values (the last of repeated keys wins).
 *
 * <p>It accepts only a subset of what {@code DataReader} accepts, and gives the same fields for it:
 * a column value must be an object, an array, {@code null} or a string the generator would write
 * back unchanged (printable ASCII, no escapes); other values may be any JSON without non-ASCII
 * bytes; keys of the top object have no escapes. On anything else, valid or not, it answers false
 * and the caller reads the row with {@code DataReader}, which decides and words any error. {@code
 * DataScannerTest} holds the two to the same answers.
 *
 * <p>Not thread-safe: one per record being enriched.
 *
 * <p>Why one class of about 300 lines: it is a single recursive-descent scanner over one byte
 * array, whose methods share the cursor and the three column frames as fields. Split into classes,
 * they would pass that state around on the hottest loop of the enricher; kept together, each method
 * stays small and the JIT inlines them.
 */
public final class DataScanner {

  /** Deeper nesting is left to Jackson, whose own limit then applies. */
  private static final int MAX_DEPTH = 64;

  /** Longer numbers are left to Jackson, whose own limit then applies. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private static final byte[] PAYLOAD = ItemTemplate.ascii("payload");
  private static final byte[] APPID = ItemTemplate.ascii("appid");
  private static final byte[] IDENTITY = ItemTemplate.ascii("identity");
  private static final byte[] TRUE = ItemTemplate.ascii("true");
  private static final byte[] FALSE = ItemTemplate.ascii("false");
  private static final byte[] NULL = ItemTemplate.ascii("null");

  /** Column values: {@code start[c], end[c]} frame the raw JSON text; start -1 when absent. */
  public static final int PAYLOAD_COLUMN = 0;

  public static final int APPID_COLUMN = 1;
  public static final int IDENTITY_COLUMN = 2;

  private final int[] start = new int[3];
  private final int[] end = new int[3];
  private byte[] bytes;
  private int position;
  private int limit;

  /**
   * True while scanning a value in place inside its form-encoded row: then the bytes that would
   * have split or escaped the row's parameters ({@code \n & % +}) are not covered, so that the
   * value's raw bytes are exactly what {@code QueryRow} would have handed over.
   */
  private boolean inForm;

  /**
   * What each byte is inside a string here: {@link StringBytes#IN_JSON} or, in a form, the other.
   */
  private byte[] stringBytes;

  /** Scans {@code bytes[offset, offset + length)}; true when the fast path covers it. */
  public boolean scan(byte[] bytes, int offset, int length) {
    reset(bytes, offset, offset + length, false);
    return topValue() && position == limit;
  }

  /**
   * Scans a {@code data} value where it stands in its row, {@code bytes[offset, limit)} being the
   * rest of the row's bytes: one covered object that ends the parameter (at the row's next {@code
   * &}, {@code \n} or {@code limit}) and holds none of {@code \n & % +}. Answers where the value
   * ends, or -1 when the row must be split and decoded by {@code QueryRow} first.
   */
  public int scanInPlace(byte[] bytes, int offset, int limit) {
    reset(bytes, offset, limit, true);
    if (!topValue() || position < limit && bytes[position] != '&' && bytes[position] != '\n') {
      return -1;
    }
    return position;
  }

  private void reset(byte[] bytes, int offset, int limit, boolean inForm) {
    this.bytes = bytes;
    this.position = offset;
    this.limit = limit;
    this.inForm = inForm;
    this.stringBytes = inForm ? StringBytes.IN_FORM : StringBytes.IN_JSON;
    start[PAYLOAD_COLUMN] = -1;
    start[APPID_COLUMN] = -1;
    start[IDENTITY_COLUMN] = -1;
  }

  /** The top object with the whitespace around it. */
  private boolean topValue() {
    skipWhitespace();
    if (!topObject()) {
      return false;
    }
    skipWhitespace();
    return true;
  }

  /** The start of a column's raw JSON in the scanned buffer, or -1 when the column is absent. */
  public int start(int column) {
    return start[column];
  }

  public int end(int column) {
    return end[column];
  }

  private boolean topObject() {
    if (!consume('{')) {
      return false;
    }
    skipWhitespace();
    if (consume('}')) {
      return true;
    }
    do {
      skipWhitespace();
      int keyStart = position + 1;
      if (!plainString()) {
        return false;
      }
      int column = column(keyStart, position - 1);
      skipWhitespace();
      if (!consume(':')) {
        return false;
      }
      skipWhitespace();
      int valueStart = position;
      if (column < 0 ? !value(1) : !columnValue()) {
        return false;
      }
      if (column >= 0) {
        start[column] = valueStart;
        end[column] = position;
      }
      skipWhitespace();
    } while (consume(','));
    return consume('}');
  }

  /** The column a top-level key names, or -1. */
  private int column(int keyStart, int keyEnd) {
    if (matches(PAYLOAD, keyStart, keyEnd)) {
      return PAYLOAD_COLUMN;
    }
    if (matches(APPID, keyStart, keyEnd)) {
      return APPID_COLUMN;
    }
    return matches(IDENTITY, keyStart, keyEnd) ? IDENTITY_COLUMN : -1;
  }

  private boolean matches(byte[] word, int from, int to) {
    return matches(word, bytes, from, to);
  }

  /**
   * Whether {@code bytes[from, to)} are {@code word}; for the short names and literals of the fast
   * path, a plain loop beats Arrays.equals.
   */
  static boolean matches(byte[] word, byte[] bytes, int from, int to) {
    if (to - from != word.length) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (bytes[from + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  /** A value written back verbatim: object, array, null, or a plain string. */
  private boolean columnValue() {
    if (position >= limit) {
      return false;
    }
    return switch (bytes[position]) {
      case '{', '[' -> value(1);
      case '"' -> plainString();
      case 'n' -> literal(NULL);
      default -> false;
    };
  }

  private boolean value(int depth) {
    if (position >= limit || depth > MAX_DEPTH) {
      return false;
    }
    return switch (bytes[position]) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal(TRUE);
      case 'f' -> literal(FALSE);
      case 'n' -> literal(NULL);
      default -> number();
    };
  }

  private boolean object(int depth) {
    position++;
    skipWhitespace();
    if (consume('}')) {
      return true;
    }
    do {
      skipWhitespace();
      if (!string()) {
        return false;
      }
      skipWhitespace();
      if (!consume(':')) {
        return false;
      }
      skipWhitespace();
      if (!value(depth + 1)) {
        return false;
      }
      skipWhitespace();
    } while (consume(','));
    return consume('}');
  }

  private boolean array(int depth) {
    position++;
    skipWhitespace();
    if (consume(']')) {
      return true;
    }
    do {
      skipWhitespace();
      if (!value(depth + 1)) {
        return false;
      }
      skipWhitespace();
    } while (consume(','));
    return consume(']');
  }

  /** A string of printable ASCII without escapes, which the generator writes back unchanged. */
  private boolean plainString() {
    if (!consume('"')) {
      return false;
    }
    position = plainRunEnd(position);
    if (position >= limit) {
      return false;
    }
    return stringBytes[bytes[position++] & 0xFF] == StringBytes.QUOTE;
  }

  /** A string of ASCII with valid escapes. */
  private boolean string() {
    if (!consume('"')) {
      return false;
    }
    while (true) {
      position = plainRunEnd(position);
      if (position >= limit) {
        return false;
      }
      byte kind = stringBytes[bytes[position++] & 0xFF];
      if (kind == StringBytes.QUOTE) {
        return true;
      }
      if (kind == StringBytes.REFUSED || kind == StringBytes.BACKSLASH && !escape()) {
        return false;
      }
    }
  }

  /**
   * The first position from {@code from} whose byte is not a plain string byte, or {@link #limit}.
   * The loop runs on locals: on the fields, each step stored the cursor back to the heap, and the
   * two string loops were a third of the enricher's CPU samples.
   */
  private int plainRunEnd(int from) {
    byte[] scanned = bytes;
    byte[] kinds = stringBytes;
    int end = limit;
    int at = from;
    while (at < end && kinds[scanned[at] & 0xFF] == StringBytes.PLAIN) {
      at++;
    }
    return at;
  }

  private boolean escape() {
    if (position >= limit) {
      return false;
    }
    return switch (bytes[position++]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> true;
      case 'u' -> hexDigits(4);
      default -> false;
    };
  }

  private boolean hexDigits(int count) {
    for (int i = 0; i < count; i++) {
      if (position >= limit || Character.digit(bytes[position++], 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}, as JSON and Jackson's defaults. */
  private boolean number() {
    int numberStart = position;
    consume('-');
    if (consume('0')) {
      if (position < limit && isDigit(bytes[position])) {
        return false;
      }
    } else if (digits() == 0) {
      return false;
    }
    if (consume('.') && digits() == 0) {
      return false;
    }
    if (consume('e') || consume('E')) {
      if (inForm && position < limit && bytes[position] == '+') {
        return false; // in a form, this '+' reads as a space
      }
      if (!consume('+')) {
        consume('-');
      }
      if (digits() == 0) {
        return false;
      }
    }
    return position - numberStart <= MAX_NUMBER_LENGTH;
  }

  private int digits() {
    int digitsStart = position;
    while (position < limit && isDigit(bytes[position])) {
      position++;
    }
    return position - digitsStart;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private boolean literal(byte[] word) {
    if (limit - position < word.length || !matches(word, position, position + word.length)) {
      return false;
    }
    position += word.length;
    return true;
  }

  private boolean consume(char expected) {
    if (position < limit && bytes[position] == expected) {
      position++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (position < limit) {
      byte b = bytes[position];
      // One test settles the usual case: every JSON whitespace byte is at most a space.
      if (b > ' ' || b != ' ' && b != '\t' && b != '\r' && (b != '\n' || inForm)) {
        return;
      }
      position++;
    }
  }

  /** A byte that splits or escapes a form-encoded row ({@code \n} is no string byte anyway). */
  static boolean isFormByte(byte b) {
    return b == '&' || b == '%' || b == '+';
  }
}
