package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;

/**
 * The codec's own {@link ChangeItemWriter} ({@link ChangeItemWriter#generic(ResponseForm)}): every
 * item field by field, in Transfer's names and order. The {@link ResponseForm#FULL full} form has
 * Transfer's omissions (empty {@code columnvalues} and {@code table_schema} are left out); the
 * {@link ResponseForm#COMPACT compact} form also leaves out every other field that holds Go's zero
 * value. The writing half of the change-item codec; {@link ChangeItemReader} is the reading half. A
 * function's faster writer must write exactly these bytes.
 */
final class GenericChangeItemWriter {

  private GenericChangeItemWriter() {}

  /** Writes the item as one JSON object in the full form. */
  static void write(JsonGenerator out, ChangeItem item) throws IOException {
    write(out, item, ResponseForm.FULL);
  }

  /** Writes the item as one JSON object in {@code form}. */
  static void write(JsonGenerator out, ChangeItem item, ResponseForm form) throws IOException {
    boolean full = form == ResponseForm.FULL;
    out.writeStartObject();
    if (full || item.id() != 0) {
      out.writeFieldName(FieldNames.ID);
      out.writeNumber(item.id());
    }
    if (full || item.nextLsn() != 0) {
      out.writeFieldName(FieldNames.NEXT_LSN);
      writeUnsigned(out, item.nextLsn());
    }
    if (full || item.commitTime() != 0) {
      out.writeFieldName(FieldNames.COMMIT_TIME);
      writeUnsigned(out, item.commitTime());
    }
    if (full || item.txPosition() != 0) {
      out.writeFieldName(FieldNames.TX_POSITION);
      out.writeNumber(item.txPosition());
    }
    writeString(out, FieldNames.KIND, item.kind(), full);
    writeString(out, FieldNames.SCHEMA, item.schema(), full);
    writeString(out, FieldNames.TABLE, item.table(), full);
    writeString(out, FieldNames.PART, item.part(), full);
    if (full || !item.columnNames().isEmpty()) {
      out.writeFieldName(FieldNames.COLUMN_NAMES);
      ColumnListsJson.writeStrings(out, item.columnNames());
    }
    if (!item.columnValues().isEmpty()) {
      out.writeFieldName(FieldNames.COLUMN_VALUES);
      ColumnListsJson.writeValues(out, item.columnValues());
    }
    if (!item.tableSchema().isEmpty()) {
      out.writeFieldName(FieldNames.TABLE_SCHEMA);
      out.writeRawValue(item.tableSchema().json(form));
    }
    if (full || !item.oldKeys().equals(OldKeys.NONE)) {
      out.writeFieldName(FieldNames.OLD_KEYS);
      OldKeysJson.write(out, item.oldKeys());
    }
    writeString(out, FieldNames.TX_ID, item.txId(), full);
    writeString(out, FieldNames.QUERY, item.query(), full);
    out.writeEndObject();
  }

  private static void writeString(
      JsonGenerator out, SerializableString name, String value, boolean evenEmpty)
      throws IOException {
    if (evenEmpty || !value.isEmpty()) {
      writeStringField(out, name, value);
    }
  }

  /** Unsigned 64-bit values above Long.MAX_VALUE are written with their unsigned digits. */
  private static void writeUnsigned(JsonGenerator out, long value) throws IOException {
    if (value >= 0) {
      out.writeNumber(value);
    } else {
      out.writeNumber(Long.toUnsignedString(value));
    }
  }
}
