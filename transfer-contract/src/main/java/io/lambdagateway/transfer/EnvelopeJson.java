package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;

/**
 * The {@link Envelope} fields of a record, which request and result records share. They are read
 * among the record's other fields, in any order, and written in Transfer's order: every field in a
 * request, as Transfer sends them, but only the present ones in a result.
 */
final class EnvelopeJson {

  private EnvelopeJson() {}

  /** Writes all seven fields, an absent one as the empty string, as Transfer's requests do. */
  static void writeEveryField(JsonGenerator out, Envelope envelope) throws IOException {
    writeStringField(out, FieldNames.EVENT_SOURCE, orEmpty(envelope.eventSource()));
    writeStringField(out, FieldNames.EVENT_ID, orEmpty(envelope.eventId()));
    writeStringField(out, FieldNames.INVOKE_IDENTITY_ARN, orEmpty(envelope.invokeIdentityArn()));
    writeStringField(out, FieldNames.EVENT_VERSION, orEmpty(envelope.eventVersion()));
    writeStringField(out, FieldNames.EVENT_NAME, orEmpty(envelope.eventName()));
    writeStringField(out, FieldNames.EVENT_SOURCE_ARN, orEmpty(envelope.eventSourceArn()));
    writeStringField(out, FieldNames.AWS_REGION, orEmpty(envelope.awsRegion()));
  }

  /** Writes the fields that are present (not null), leaving out the others. */
  static void writePresentFields(JsonGenerator out, Envelope envelope) throws IOException {
    writeIfPresent(out, FieldNames.EVENT_SOURCE, envelope.eventSource());
    writeIfPresent(out, FieldNames.EVENT_ID, envelope.eventId());
    writeIfPresent(out, FieldNames.INVOKE_IDENTITY_ARN, envelope.invokeIdentityArn());
    writeIfPresent(out, FieldNames.EVENT_VERSION, envelope.eventVersion());
    writeIfPresent(out, FieldNames.EVENT_NAME, envelope.eventName());
    writeIfPresent(out, FieldNames.EVENT_SOURCE_ARN, envelope.eventSourceArn());
    writeIfPresent(out, FieldNames.AWS_REGION, envelope.awsRegion());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static void writeIfPresent(JsonGenerator out, SerializableString field, String value)
      throws IOException {
    if (value != null) {
      writeStringField(out, field, value);
    }
  }

  /** Envelope fields being read; absent ones stay null. */
  static final class Fields {
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
}
