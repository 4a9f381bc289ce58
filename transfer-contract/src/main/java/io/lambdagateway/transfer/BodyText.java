package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A string column value of a body being read, kept as the span of the body it stands in and decoded
 * only when asked. Two readers use it:
 *
 * <ul>
 *   <li>A request being transformed: a Kafka value arrives as one long base64 string per record;
 *       turning it into characters and a {@code String} (which a function then turns back into
 *       bytes to decode it) was about a fifth of the gateway's CPU samples on small calls under
 *       load (JFR). {@link #decodeBase64()} decodes it from the body instead, and nothing reads the
 *       string at all unless a function asks for {@link #textValue()}.
 *   <li>A response the pipeline turns into target messages: {@link #writeTo} copies an ASCII
 *       value's bytes into the target message when they hold no escape, without a {@code String}
 *       between.
 * </ul>
 *
 * <p>It is a textual node like a {@code TextNode} of the same text, and equal to one when asked
 * itself ({@code TextNode.equals} only knows {@code TextNode}s, so compare from this side); the
 * text is Jackson's reading of the same bytes. The model readers ({@code BatchJson.readRequest},
 * {@code BatchJson.readResponse}) keep giving {@code TextNode}s. It holds the body's array as long
 * as it lives, like the batch it came from. Not thread-safe: its text is computed on first use, as
 * its batch's records are, on one thread.
 */
public final class BodyText extends TextValue {

  private static final long serialVersionUID = 1L;

  private final transient byte[] body;

  /** The index of the opening quote. */
  private final transient int quote;

  /** The index of the closing quote, or -1 when it is not known. */
  private final transient int closingQuote;

  private String text;

  BodyText(byte[] body, int quote, int closingQuote) {
    this.body = body;
    this.quote = quote;
    this.closingQuote = closingQuote;
  }

  @Override
  public String textValue() {
    if (text == null) {
      text = readText();
    }
    return text;
  }

  /**
   * The bytes the text encodes in base64, as {@code Base64.getDecoder().decode(textValue())}.
   *
   * @throws IllegalArgumentException when the text is not base64
   */
  public byte[] decodeBase64() {
    if (closingQuote > quote) {
      try {
        // Bytes that are all base64 are their own text: an escape or a non-ASCII byte is not.
        ByteBuffer span = ByteBuffer.wrap(body, quote + 1, closingQuote - quote - 1);
        ByteBuffer decoded = Base64.getDecoder().decode(span);
        byte[] array = decoded.array();
        return decoded.remaining() == array.length
            ? array
            : Arrays.copyOf(array, decoded.remaining());
      } catch (IllegalArgumentException notPlainBase64) {
        // the text itself decides, below: it may be base64 once its escapes are read
      }
    }
    return Base64.getDecoder().decode(textValue());
  }

  /**
   * Writes the value as {@code generator.writeString(textValue())} does. ASCII bytes without a
   * backslash are copied as they are: the parser that read past them has checked that they hold no
   * control character and no quote, and Jackson writes such text back byte for byte. Anything else
   * goes through {@code writeString}: an escape, and any non-ASCII byte. Jackson writes a character
   * beyond the BMP as two {@code \\uXXXX} escapes, not as the 4 bytes it came in, and nothing here
   * checks that other non-ASCII text would come back byte for byte.
   */
  public void writeTo(JsonGenerator generator) throws IOException {
    if (closingQuote > quote && writtenAsIs()) {
      generator.writeRawUTF8String(body, quote + 1, closingQuote - quote - 1);
    } else {
      generator.writeString(textValue());
    }
  }

  @Override
  public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeString(textValue());
  }

  private boolean writtenAsIs() {
    for (int i = quote + 1; i < closingQuote; i++) {
      if (body[i] == '\\' || body[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Jackson's reading of the string that starts at the opening quote. */
  private String readText() {
    try (JsonParser parser = TransferJson.FACTORY.createParser(body, quote, body.length - quote)) {
      parser.nextToken();
      return parser.getText();
    } catch (IOException e) {
      // The batch's own parser has already read past this string, so it is valid JSON.
      throw new UncheckedIOException(e);
    }
  }
}
