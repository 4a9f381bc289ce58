package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.malformed;
import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One record of a request body, a {@link BatchRecord}: the change item in {@code cdc} and its
 * envelope. Only CDC records are read; one without a {@code cdc} object is malformed. A record is
 * written exactly as Transfer sends it, with the null and empty fields Transfer includes.
 */
final class RequestRecordJson {

  private RequestRecordJson() {}

  /**
   * Reads the record whose first token is the parser's current token; {@code body} is the whole
   * array the parser reads, whose column values' strings are kept as spans of it ({@link
   * BodyText}), or null to read them as text.
   */
  static BatchRecord read(JsonParser parser, byte[] body) throws IOException {
    RecordsJson.requireRecordObject(parser);
    ChangeItem cdc = null;
    EnvelopeJson.Fields envelope = new EnvelopeJson.Fields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("cdc".equals(field) && value == JsonToken.START_OBJECT) {
        cdc = new ChangeItemReader(body).read(parser);
      } else if (!envelope.read(parser, field)) {
        parser.skipChildren();
      }
    }
    if (cdc == null) {
      throw malformed(parser, "a record has no 'cdc' change item (only CDC batches are supported)");
    }
    return new BatchRecord(cdc, envelope.build());
  }

  static void write(JsonGenerator out, BatchRecord record) throws IOException {
    out.writeStartObject();
    out.writeFieldName(FieldNames.CDC);
    GenericChangeItemWriter.write(out, record.cdc());
    out.writeFieldName(FieldNames.CDC_SPLIT);
    out.writeNull();
    out.writeFieldName(FieldNames.KINESIS);
    out.writeNull();
    writeStringField(out, FieldNames.RESULT, "");
    EnvelopeJson.writeEveryField(out, record.envelope());
    out.writeEndObject();
  }
}
