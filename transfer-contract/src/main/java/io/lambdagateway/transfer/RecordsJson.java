package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.FACTORY;
import static io.lambdagateway.transfer.TransferJson.malformed;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The outer object of a batch body, {@code {"Records":[record...]}}, which requests and responses
 * share: finding its one {@code Records} array among unknown fields, framing a written body, and
 * turning a parser's failures into {@link MalformedBatchException}s. Kept apart so that the request
 * and result codecs each deal with one record.
 */
final class RecordsJson {

  private RecordsJson() {}

  /**
   * Reads {@code body}, a request or response ({@code what}), calling {@code reader} once per
   * element of its {@code Records} array with that element's first token current.
   *
   * @throws MalformedBatchException when the body is not such an object
   */
  static void read(byte[] body, String what, RecordReader reader) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      readRecords(parser, what, reader);
    } catch (JsonProcessingException notJson) {
      throw notJson(notJson);
    } catch (NumberFormatException outOfRange) {
      throw outOfRange(outOfRange);
    } catch (CharConversionException badEncoding) {
      // Jackson detects UTF-16/32 from the first bytes; text invalid in that encoding ends here
      throw new MalformedBatchException(
          "the body is not valid JSON text: " + badEncoding.getMessage(), badEncoding);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body of the records {@code writer} writes, each as one element of {@code Records}. */
  static byte[] write(RecordWriter writer) {
    ByteArrayBuilder bytes = new ByteArrayBuilder();
    try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeArrayFieldStart("Records");
      writer.write(out);
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Fails unless the current token starts a record object. */
  static void requireRecordObject(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed(
          parser,
          "a record must be an object, found " + TransferJson.describe(parser.currentToken()));
    }
  }

  private static void readRecords(JsonParser parser, String what, RecordReader reader)
      throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw malformed(parser, "a " + what + " must be a JSON object {\"Records\":[...]}");
    }
    boolean seen = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!"Records".equals(field)) {
        parser.skipChildren();
      } else if (value != JsonToken.START_ARRAY || seen) {
        throw malformed(parser, "'Records' must be one array");
      } else {
        seen = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          reader.read(parser);
        }
      }
    }
    if (!seen) {
      throw malformed(parser, "the " + what + " has no 'Records' array");
    }
    if (parser.nextToken() != null) {
      throw malformed(parser, "unexpected content after the " + what);
    }
  }

  /** Valid JSON, but a number Jackson cannot hold, as 1e9999999999 beyond BigDecimal. */
  private static MalformedBatchException outOfRange(NumberFormatException e) {
    return new MalformedBatchException(
        "a number in the batch is out of range: " + e.getMessage(), e);
  }

  private static MalformedBatchException notJson(JsonProcessingException e) {
    return new MalformedBatchException("the body is not valid JSON: " + e.getOriginalMessage(), e);
  }

  /** Reads (or transforms) the record at the parser's current token. */
  @FunctionalInterface
  interface RecordReader {
    void read(JsonParser parser) throws IOException;
  }

  /** Writes the records of a body, each as one JSON value. */
  @FunctionalInterface
  interface RecordWriter {
    void write(JsonGenerator out) throws IOException;
  }
}
