package io.lambdagateway.enricher.fast;

import io.lambdagateway.transfer.ResponseOutput;

/**
 * What each byte value is inside a JSON string, for {@link DataScanner}: one table lookup per byte
 * instead of a chain of comparisons, on the loop where the scanner spends most of its time. One
 * table for JSON text, one for JSON read in place inside a form-encoded row.
 */
final class StringBytes {

  static final byte PLAIN = 0;
  static final byte QUOTE = 1;
  static final byte BACKSLASH = 2;

  /** Valid in a string, but not written back by the generator as itself: DEL. */
  static final byte NOT_PLAIN = 3;

  /** Left to Jackson: below a space, beyond ASCII, or (in a form) a byte that splits the row. */
  static final byte REFUSED = 4;

  static final byte[] IN_JSON = kinds(false);
  static final byte[] IN_FORM = kinds(true);

  private StringBytes() {}

  private static byte[] kinds(boolean inForm) {
    byte[] kinds = new byte[256];
    for (int b = 0; b < kinds.length; b++) {
      if (b == '"') {
        kinds[b] = QUOTE;
      } else if (b == '\\') {
        kinds[b] = BACKSLASH;
      } else if (b < 0x20 || b >= 0x80 || inForm && DataScanner.isFormByte((byte) b)) {
        kinds[b] = REFUSED;
      } else {
        kinds[b] = ResponseOutput.isPlain(b) ? PLAIN : NOT_PLAIN;
      }
    }
    return kinds;
  }
}
