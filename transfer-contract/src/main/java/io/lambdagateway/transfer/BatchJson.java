package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.FACTORY;
import static io.lambdagateway.transfer.TransferJson.malformed;
import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Streaming codec of Transfer's batch bodies: the request {@code {"Records":[record...]}} that
 * Transfer POSTs to a function, and the response {@code {"Records":[result...]}} it reads back.
 *
 * <p>Reading ignores unknown fields and accepts any field order. Anything that is not a batch (not
 * JSON, no {@code Records} array, a record that is not an object or has no {@code cdc}, a known
 * field of the wrong type) is a {@link MalformedBatchException} whose message says what and where.
 * Writing follows Transfer's field names and order exactly.
 *
 * <p>A function that transforms a batch streams it: {@link #transformRecords} reads one request
 * record at a time and lets the function write that record's result straight into the response,
 * either as pre-encoded bytes of its own or through {@link #writeResult}.
 */
public final class BatchJson {

  private static final byte[] RESPONSE_START = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESPONSE_END = "]}".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_INITIAL_CAPACITY = 1 << 28;

  private BatchJson() {}

  /**
   * Reads a request and writes the response in one pass, mapping each record in order; no list of
   * records is built, so memory stays proportional to one record plus the output.
   */
  public static byte[] mapRecords(byte[] request, Function<BatchRecord, ResultRecord> mapper) {
    ChangeItemWriter items = ChangeItemWriter.generic();
    return transformRecords(
        request, (record, out) -> writeResult(out, mapper.apply(record), items));
  }

  /**
   * Reads a request and lets {@code writer} write each record's result, in order, straight into the
   * response body.
   *
   * @throws MalformedBatchException when the request is not a batch
   */
  public static byte[] transformRecords(byte[] request, ResultWriter writer) {
    // A demo batch's response is about 8.6 times its request; one size step covers that.
    long estimate = Math.min(9L * request.length + 64, MAX_INITIAL_CAPACITY);
    ResponseOutput out = new ResponseOutput((int) estimate);
    out.append(RESPONSE_START);
    try (JsonParser parser = FACTORY.createParser(request)) {
      readRecords(
          parser,
          "request",
          () -> {
            if (out.length() > RESPONSE_START.length) {
              out.append((byte) ',');
            }
            writer.write(readRequestRecord(parser), out);
          });
    } catch (JsonProcessingException notJson) {
      throw notJson(notJson);
    } catch (NumberFormatException outOfRange) {
      throw outOfRange(outOfRange);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.append(RESPONSE_END);
    return out.toByteArray();
  }

  /** All records of a request body, in order. */
  public static List<BatchRecord> readRequest(byte[] request) {
    List<BatchRecord> records = new ArrayList<>();
    read(request, "request", parser -> records.add(readRequestRecord(parser)));
    return records;
  }

  /**
   * All records of a response body, in order. {@code cdc_splitted}, the public example's name, is
   * read as {@code cdc_split}.
   */
  public static List<ResultRecord> readResponse(byte[] response) {
    List<ResultRecord> records = new ArrayList<>();
    read(response, "response", parser -> records.add(readResultRecord(parser)));
    return records;
  }

  /** A request body exactly as Transfer sends it, including its null and empty envelope fields. */
  public static byte[] writeRequest(List<BatchRecord> records) {
    return write(
        out -> {
          for (BatchRecord record : records) {
            writeRequestRecord(out, record);
          }
        });
  }

  /** A response body, each result written as {@link ResultRecord} describes. */
  public static byte[] writeResponse(List<ResultRecord> results) {
    ChangeItemWriter items = ChangeItemWriter.generic();
    return write(
        out -> {
          for (ResultRecord result : results) {
            writeResult(out, result, items);
          }
        });
  }

  private static void read(byte[] body, String what, RecordReader reader) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      readRecords(parser, what, () -> reader.read(parser));
    } catch (JsonProcessingException notJson) {
      throw notJson(notJson);
    } catch (NumberFormatException outOfRange) {
      throw outOfRange(outOfRange);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(RecordWriter writer) {
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

  /** Valid JSON, but a number Jackson cannot hold, as 1e9999999999 beyond BigDecimal. */
  private static MalformedBatchException outOfRange(NumberFormatException e) {
    return new MalformedBatchException(
        "a number in the batch is out of range: " + e.getMessage(), e);
  }

  private static MalformedBatchException notJson(JsonProcessingException e) {
    return new MalformedBatchException("the body is not valid JSON: " + e.getOriginalMessage(), e);
  }

  private static void readRecords(JsonParser parser, String what, RecordStep step)
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
          step.run();
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

  private static BatchRecord readRequestRecord(JsonParser parser) throws IOException {
    requireRecordObject(parser);
    ChangeItem cdc = null;
    EnvelopeFields envelope = new EnvelopeFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("cdc".equals(field) && value == JsonToken.START_OBJECT) {
        cdc = ChangeItemJson.read(parser);
      } else if (!envelope.read(parser, field)) {
        parser.skipChildren();
      }
    }
    if (cdc == null) {
      throw malformed(parser, "a record has no 'cdc' change item (only CDC batches are supported)");
    }
    return new BatchRecord(cdc, envelope.build());
  }

  private static ResultRecord readResultRecord(JsonParser parser) throws IOException {
    requireRecordObject(parser);
    ResultFields result = new ResultFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "cdc" -> result.cdc = readItem(parser, field);
        case "cdc_split", "cdc_splitted" -> result.cdcSplit = readItems(parser, field);
        case "result" -> result.result = readResult(parser);
        case "error" -> result.error = readString(parser, field);
        default -> {
          if (!result.envelope.read(parser, field)) {
            parser.skipChildren();
          }
        }
      }
    }
    return result.build(parser);
  }

  private static void requireRecordObject(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed(
          parser,
          "a record must be an object, found " + TransferJson.describe(parser.currentToken()));
    }
  }

  private static ChangeItem readItem(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed(parser, "'" + field + "' must be a change item object");
    }
    return ChangeItemJson.read(parser);
  }

  private static List<ChangeItem> readItems(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw malformed(parser, "'" + field + "' must be an array of change items");
    }
    List<ChangeItem> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(readItem(parser, field));
    }
    return items;
  }

  private static Result readResult(JsonParser parser) throws IOException {
    Result result = Result.fromWireName(readString(parser, "result"));
    if (result == null) {
      throw malformed(parser, "unknown 'result' " + parser.getText());
    }
    return result;
  }

  private static void writeRequestRecord(JsonGenerator out, BatchRecord record) throws IOException {
    Envelope envelope = record.envelope();
    out.writeStartObject();
    out.writeFieldName(FieldNames.CDC);
    ChangeItemJson.write(out, record.cdc());
    out.writeFieldName(FieldNames.CDC_SPLIT);
    out.writeNull();
    out.writeFieldName(FieldNames.KINESIS);
    out.writeNull();
    writeStringField(out, FieldNames.RESULT, "");
    writeStringField(out, FieldNames.EVENT_SOURCE, orEmpty(envelope.eventSource()));
    writeStringField(out, FieldNames.EVENT_ID, orEmpty(envelope.eventId()));
    writeStringField(out, FieldNames.INVOKE_IDENTITY_ARN, orEmpty(envelope.invokeIdentityArn()));
    writeStringField(out, FieldNames.EVENT_VERSION, orEmpty(envelope.eventVersion()));
    writeStringField(out, FieldNames.EVENT_NAME, orEmpty(envelope.eventName()));
    writeStringField(out, FieldNames.EVENT_SOURCE_ARN, orEmpty(envelope.eventSourceArn()));
    writeStringField(out, FieldNames.AWS_REGION, orEmpty(envelope.awsRegion()));
    out.writeEndObject();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /**
   * Writes one result record into the response with Jackson's generator, as {@link #writeResponse}
   * writes it; each {@code cdc_split} item goes through {@code splitItems}, which must write what
   * {@link ChangeItemWriter#generic()} writes.
   */
  public static void writeResult(
      ResponseOutput out, ResultRecord result, ChangeItemWriter splitItems) throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeResult(generator, result, splitItems);
    }
  }

  private static void writeResult(
      JsonGenerator out, ResultRecord result, ChangeItemWriter splitItems) throws IOException {
    out.writeStartObject();
    if (result.cdc() != null) {
      out.writeFieldName(FieldNames.CDC);
      ChangeItemJson.write(out, result.cdc());
    }
    if (result.cdcSplit() != null) {
      out.writeFieldName(FieldNames.CDC_SPLIT);
      out.writeStartArray();
      for (ChangeItem item : result.cdcSplit()) {
        splitItems.write(out, item);
      }
      out.writeEndArray();
    }
    writeStringField(out, FieldNames.RESULT, result.result().wireName());
    writeEnvelope(out, result.envelope());
    if (result.error() != null) {
      writeStringField(out, FieldNames.ERROR, result.error());
    }
    out.writeEndObject();
  }

  private static void writeEnvelope(JsonGenerator out, Envelope envelope) throws IOException {
    writeIfPresent(out, FieldNames.EVENT_SOURCE, envelope.eventSource());
    writeIfPresent(out, FieldNames.EVENT_ID, envelope.eventId());
    writeIfPresent(out, FieldNames.INVOKE_IDENTITY_ARN, envelope.invokeIdentityArn());
    writeIfPresent(out, FieldNames.EVENT_VERSION, envelope.eventVersion());
    writeIfPresent(out, FieldNames.EVENT_NAME, envelope.eventName());
    writeIfPresent(out, FieldNames.EVENT_SOURCE_ARN, envelope.eventSourceArn());
    writeIfPresent(out, FieldNames.AWS_REGION, envelope.awsRegion());
  }

  private static void writeIfPresent(JsonGenerator out, SerializableString field, String value)
      throws IOException {
    if (value != null) {
      writeStringField(out, field, value);
    }
  }

  /** Writes the result of one request record into the response. */
  @FunctionalInterface
  public interface ResultWriter {
    void write(BatchRecord record, ResponseOutput out) throws IOException;
  }

  @FunctionalInterface
  private interface RecordStep {
    void run() throws IOException;
  }

  @FunctionalInterface
  private interface RecordReader {
    void read(JsonParser parser) throws IOException;
  }

  @FunctionalInterface
  private interface RecordWriter {
    void write(JsonGenerator out) throws IOException;
  }

  /** Envelope fields being read; absent ones stay null. */
  private static final class EnvelopeFields {
    private final String[] values = new String[7];

    /** Reads the field if it is an envelope field; false for any other field. */
    boolean read(JsonParser parser, String field) throws IOException {
      int index =
          switch (field) {
            case "eventSource" -> 0;
            case "eventID" -> 1;
            case "invokeIdentityArn" -> 2;
            case "eventVersion" -> 3;
            case "eventName" -> 4;
            case "eventSourceARN" -> 5;
            case "awsRegion" -> 6;
            default -> -1;
          };
      if (index < 0) {
        return false;
      }
      values[index] =
          parser.currentToken() == JsonToken.VALUE_NULL ? null : readString(parser, field);
      return true;
    }

    Envelope build() {
      return new Envelope(
          values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }
  }

  /** Result fields being read. */
  private static final class ResultFields {
    final EnvelopeFields envelope = new EnvelopeFields();
    ChangeItem cdc;
    List<ChangeItem> cdcSplit;
    Result result;
    String error;

    ResultRecord build(JsonParser parser) {
      if (result == null) {
        throw malformed(parser, "a result record has no 'result'");
      }
      if (result == Result.OK && cdc == null) {
        throw malformed(parser, "an 'Ok' result has no 'cdc'");
      }
      List<ChangeItem> split = result == Result.SPLIT && cdcSplit == null ? List.of() : cdcSplit;
      return new ResultRecord(result, cdc, split, envelope.build(), error);
    }
  }
}
