package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A string column value that is the base64 text of some bytes, kept as the encoded bytes: the
 * request codec writes them into the JSON as they are ({@link #writeTo}), without a {@code String}
 * between. Base64 text is ASCII letters, digits, {@code + / =}, which JSON never escapes.
 *
 * <p>Why: the pipeline encodes each Kafka message into its request record this way; through a
 * {@code String} and Jackson's {@code writeString}, which checks every character for escapes, half
 * of the time of encoding a record went into that string (JFR of a pipeline drain, 2026-12-02).
 *
 * <p>Like every {@link TextValue}, it is textual and equal to the {@code TextNode} of its text.
 */
public final class Base64Text extends TextValue {

  private static final long serialVersionUID = 1L;

  private final transient byte[] encoded;

  private Base64Text(byte[] encoded) {
    this.encoded = encoded;
  }

  /** The base64 text of {@code bytes}, as {@code Base64.getEncoder()} writes it. */
  public static Base64Text of(byte[] bytes) {
    return new Base64Text(Base64.getEncoder().encode(bytes));
  }

  /** Writes the value as {@code generator.writeString(textValue())} does. */
  public void writeTo(JsonGenerator generator) throws IOException {
    if (generator instanceof UTF8JsonGenerator) {
      generator.writeRawUTF8String(encoded, 0, encoded.length);
    } else {
      // a character-based generator cannot take bytes
      generator.writeString(textValue());
    }
  }

  @Override
  public String textValue() {
    return new String(encoded, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
    writeTo(generator);
  }
}
