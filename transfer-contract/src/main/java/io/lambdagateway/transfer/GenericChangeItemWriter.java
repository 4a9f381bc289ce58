package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.writeStringField;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The codec's own {@link ChangeItemWriter} ({@link ChangeItemWriter#generic()}): every item field
 * by field, in Transfer's names, order and omissions (empty {@code columnvalues} and {@code
 * table_schema} are left out). The writing half of the change-item codec; {@link ChangeItemReader}
 * is the reading half. A function's faster writer must write exactly these bytes.
 */
final class GenericChangeItemWriter {

  private GenericChangeItemWriter() {}

  /** Writes the item as one JSON object. */
  static void write(JsonGenerator out, ChangeItem item) throws IOException {
    out.writeStartObject();
    out.writeFieldName(FieldNames.ID);
    out.writeNumber(item.id());
    out.writeFieldName(FieldNames.NEXT_LSN);
    writeUnsigned(out, item.nextLsn());
    out.writeFieldName(FieldNames.COMMIT_TIME);
    writeUnsigned(out, item.commitTime());
    out.writeFieldName(FieldNames.TX_POSITION);
    out.writeNumber(item.txPosition());
    writeStringField(out, FieldNames.KIND, item.kind());
    writeStringField(out, FieldNames.SCHEMA, item.schema());
    writeStringField(out, FieldNames.TABLE, item.table());
    writeStringField(out, FieldNames.PART, item.part());
    out.writeFieldName(FieldNames.COLUMN_NAMES);
    ColumnListsJson.writeStrings(out, item.columnNames());
    if (!item.columnValues().isEmpty()) {
      out.writeFieldName(FieldNames.COLUMN_VALUES);
      ColumnListsJson.writeValues(out, item.columnValues());
    }
    if (!item.tableSchema().isEmpty()) {
      out.writeFieldName(FieldNames.TABLE_SCHEMA);
      out.writeRawValue(item.tableSchema().json());
    }
    out.writeFieldName(FieldNames.OLD_KEYS);
    OldKeysJson.write(out, item.oldKeys());
    writeStringField(out, FieldNames.TX_ID, item.txId());
    writeStringField(out, FieldNames.QUERY, item.query());
    out.writeEndObject();
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
