package io.lambdagateway.enricher;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A span of already-validated UTF-8 JSON text, written to a byte generator as a plain copy.
 *
 * <p>The enrichment writes each row's {@code payload} this way: re-encoding it (through a String or
 * a tree) cost more than the rest of the row. The span is shared, not copied, so the bytes must not
 * change afterwards; the enricher only wraps buffers it decoded itself.
 */
public final class RawJson implements SerializableString {

  private final byte[] buffer;
  private final int offset;
  private final int length;
  private SerializedString text;

  public RawJson(byte[] buffer, int offset, int length) {
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
  }

  /** The number of bytes of the span. */
  public int length() {
    return length;
  }

  @Override
  public String getValue() {
    return asText().getValue();
  }

  @Override
  public int charLength() {
    return asText().charLength();
  }

  @Override
  public char[] asQuotedChars() {
    return asText().asQuotedChars();
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return Arrays.copyOfRange(buffer, offset, offset + length);
  }

  @Override
  public byte[] asQuotedUTF8() {
    return asText().asQuotedUTF8();
  }

  @Override
  public int appendQuotedUTF8(byte[] target, int targetOffset) {
    return asText().appendQuotedUTF8(target, targetOffset);
  }

  @Override
  public int appendQuoted(char[] target, int targetOffset) {
    return asText().appendQuoted(target, targetOffset);
  }

  @Override
  public int appendUnquotedUTF8(byte[] target, int targetOffset) {
    if (targetOffset + length > target.length) {
      return -1;
    }
    System.arraycopy(buffer, offset, target, targetOffset, length);
    return length;
  }

  @Override
  public int appendUnquoted(char[] target, int targetOffset) {
    return asText().appendUnquoted(target, targetOffset);
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    return asText().writeQuotedUTF8(out);
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(buffer, offset, length);
    return length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer target) throws IOException {
    return asText().putQuotedUTF8(target);
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer target) throws IOException {
    if (length > target.remaining()) {
      return -1;
    }
    target.put(buffer, offset, length);
    return length;
  }

  /** The span as text, made only for the rare callers that need characters. */
  private SerializedString asText() {
    if (text == null) {
      text = new SerializedString(new String(buffer, offset, length, StandardCharsets.UTF_8));
    }
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawJson that
        && Arrays.equals(
            buffer, offset, offset + length, that.buffer, that.offset, that.offset + that.length);
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + buffer[i];
    }
    return hash;
  }

  @Override
  public String toString() {
    return getValue();
  }
}
