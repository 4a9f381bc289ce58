package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.malformed;
import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a response body, a {@link ResultRecord}: the function's {@link Result}, its change
 * item or split items, the envelope and an error. Reading accepts {@code cdc_splitted}, the public
 * example's name, as {@code cdc_split}, and holds the record to its result (an {@code Ok} needs a
 * {@code cdc}); writing leaves out the absent parts.
 */
final class ResultRecordJson {

  private ResultRecordJson() {}

  /**
   * Reads the record whose first token is the parser's current token, its items with {@code reader}
   * (one reader for all the records of a body).
   */
  static ResultRecord read(JsonParser parser, ChangeItemReader reader) throws IOException {
    RecordsJson.requireRecordObject(parser);
    ResultFields result = new ResultFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "cdc" -> result.cdc = readItem(parser, field, reader);
        case "cdc_split", "cdc_splitted" -> result.cdcSplit = readItems(parser, field, reader);
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

  /**
   * Writes the record; each change item ({@code cdc} and {@code cdc_split}) goes through {@code
   * items}.
   */
  static void write(JsonGenerator out, ResultRecord result, ChangeItemWriter items)
      throws IOException {
    out.writeStartObject();
    if (result.cdc() != null) {
      out.writeFieldName(FieldNames.CDC);
      items.write(out, result.cdc());
    }
    if (result.cdcSplit() != null) {
      out.writeFieldName(FieldNames.CDC_SPLIT);
      out.writeStartArray();
      for (ChangeItem item : result.cdcSplit()) {
        items.write(out, item);
      }
      out.writeEndArray();
    }
    writeStringField(out, FieldNames.RESULT, result.result().wireName());
    EnvelopeJson.writePresentFields(out, result.envelope());
    if (result.error() != null) {
      writeStringField(out, FieldNames.ERROR, result.error());
    }
    out.writeEndObject();
  }

  private static ChangeItem readItem(JsonParser parser, String field, ChangeItemReader reader)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed(parser, "'" + field + "' must be a change item object");
    }
    return reader.read(parser);
  }

  private static List<ChangeItem> readItems(
      JsonParser parser, String field, ChangeItemReader reader) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw malformed(parser, "'" + field + "' must be an array of change items");
    }
    List<ChangeItem> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(readItem(parser, field, reader));
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

  /** Result fields being read. */
  private static final class ResultFields {
    final EnvelopeJson.Fields envelope = new EnvelopeJson.Fields();
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
