package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's factory, except that a parser of a UTF-8 byte array skips a string value it is not
 * asked to read a word at a time ({@link StringRuns}) instead of a byte at a time.
 *
 * <p>Why: a request carries each Kafka message as one long base64 string, which the batch reader
 * keeps as a span of the body ({@link BodyText}) and so skips. Jackson's skip was the largest
 * single item of the enricher's CPU profile (14 % of its samples on the demo batch).
 *
 * <p>The result is exactly Jackson's: a string of ASCII text without escapes or control bytes up to
 * its closing quote is passed over at once; any other string (an escape, a control byte, non-ASCII
 * text, no closing quote) is skipped by Jackson's own code from its start, which checks it and
 * words any error. Input in another encoding, or with a byte order mark, gets Jackson's parser
 * unchanged.
 *
 * <p>It builds on protected members of Jackson's UTF-8 parser ({@code _skipString}, {@code
 * _inputBuffer}, {@code _inputPtr}, {@code _tokenIncomplete}), as in 2.18: {@code
 * PlainSkipJsonFactoryTest} compares it with Jackson's own parser, so a Jackson upgrade that
 * changes them fails there first.
 */
final class PlainSkipJsonFactory extends JsonFactory {

  private static final long serialVersionUID = 1L;

  PlainSkipJsonFactory() {}

  private PlainSkipJsonFactory(PlainSkipJsonFactory source) {
    super(source, null);
  }

  @Override
  public JsonFactory copy() {
    return new PlainSkipJsonFactory(this);
  }

  /** JSON, as Jackson's own factory says: Jackson gives its non-blocking parsers only to JSON. */
  @Override
  public String getFormatName() {
    return FORMAT_NAME_JSON;
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int len, IOContext context)
      throws IOException {
    if (!isPlainUtf8Start(data, offset, len)
        || !isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)) {
      return super._createParser(data, offset, len, context);
    }
    ByteQuadsCanonicalizer names = _byteSymbolCanonicalizer.makeChild(_factoryFeatures);
    return new Parser(context, _parserFeatures, this, names, data, offset, offset + len);
  }

  /**
   * True when Jackson would read the input as UTF-8 without a byte order mark: its first four bytes
   * are ASCII and none is zero (a zero among them is how it detects UTF-16 and UTF-32).
   */
  private static boolean isPlainUtf8Start(byte[] data, int offset, int len) {
    if (len < 4) {
      return false;
    }
    for (int i = offset; i < offset + 4; i++) {
      if (data[i] <= 0) {
        return false;
      }
    }
    return true;
  }

  /** Jackson's UTF-8 parser with the faster skip of plain strings. */
  private static final class Parser extends UTF8StreamJsonParser {

    Parser(
        IOContext context,
        int features,
        JsonFactory factory,
        ByteQuadsCanonicalizer names,
        byte[] data,
        int start,
        int end) {
      super(context, features, null, factory.getCodec(), names, data, start, end, false);
    }

    @Override
    protected void _skipString() throws IOException {
      int end = StringRuns.end(_inputBuffer, _inputPtr, _inputEnd);
      if (end < _inputEnd && _inputBuffer[end] == '"') {
        _tokenIncomplete = false;
        _inputPtr = end + 1;
        return;
      }
      super._skipString();
    }
  }
}
