package io.lambdagateway.enricher.fast;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.lambdagateway.enricher.EnrichedColumns;
import io.lambdagateway.enricher.RawJson;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ChangeItemWriter;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.ResponseOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes the change items of a response, byte for byte as {@link
 * ChangeItemWriter#generic(ResponseForm)} would in the same form, but faster for the enrichment's
 * items.
 *
 * <p>Why: the items of one record share everything but {@code txPosition} and their five column
 * values, and a per-field generator call for each shared field cost about half of a whole
 * transform. So an item of the enrichment's shape is assembled from pre-encoded pieces (an {@link
 * ItemTemplate} per source record) into a scratch buffer and handed to the generator as one raw
 * value. Anything this does not cover exactly (a string that needs escaping or is not plain ASCII,
 * a column value that is not text, null or raw JSON) goes through the generic writer instead;
 * {@code SplitItemWriterTest} holds the two to identical output.
 *
 * <p>Records of the usual shape skip even this: {@link DirectEnrichment} writes them without change
 * items. This writer serves the records the generic path handles, through {@link
 * BatchJson#writeResult}.
 *
 * <p>Not thread-safe: one instance per response being written.
 */
public final class SplitItemWriter implements ChangeItemWriter {

  private static final byte[] NULL = ItemTemplate.ascii("null");
  private static final byte[] NO_BUFFER = {};
  private static final int FIRST_BUFFER_LENGTH = 2048;

  /** Allocated on first use: most responses are written by the direct path alone. */
  private byte[] buffer = NO_BUFFER;

  private int length;
  private ChangeItem templateSource;
  private ItemTemplate template;
  private final ResponseForm form;
  private final ChangeItemWriter generic;

  /** A writer of items in {@code form}. */
  public SplitItemWriter(ResponseForm form) {
    this.form = form;
    this.generic = ChangeItemWriter.generic(form);
  }

  @Override
  public void write(JsonGenerator out, ChangeItem item) throws IOException {
    if (hasEnrichedShape(item) && render(item)) {
      out.writeRawValue(new RawJson(buffer, 0, length));
    } else {
      generic.write(out, item);
    }
  }

  private static boolean hasEnrichedShape(ChangeItem item) {
    return item.columnNames() == EnrichedColumns.NAMES
        && item.tableSchema() == EnrichedColumns.SCHEMA
        && item.oldKeys() == OldKeys.NONE
        && item.columnValues().size() == EnrichedColumns.NAMES.size()
        && "insert".equals(item.kind())
        && item.txId().isEmpty()
        && item.query().isEmpty();
  }

  /** Fills the buffer with the item's JSON; false when the fast path cannot write it exactly. */
  private boolean render(ChangeItem item) {
    if (!prepareTemplate(item)) {
      return false;
    }
    length = 0;
    append(template.head);
    append(template.txPositionBytes(item.txPosition()));
    append(template.middle);
    for (int i = 0; i < item.columnValues().size(); i++) {
      if (i > 0) {
        appendByte((byte) ',');
      }
      if (!appendValue(item.columnValues().get(i))) {
        return false;
      }
    }
    append(template.tail);
    return true;
  }

  /** Encodes the fields an item shares with the others of its source record, once per record. */
  private boolean prepareTemplate(ChangeItem item) {
    if (templateSource == null || !sameSource(templateSource, item)) {
      templateSource = item;
      template = ItemTemplate.of(item, form);
    }
    return template != null;
  }

  private static boolean sameSource(ChangeItem a, ChangeItem b) {
    return a.id() == b.id()
        && a.nextLsn() == b.nextLsn()
        && a.commitTime() == b.commitTime()
        && a.schema().equals(b.schema())
        && a.table().equals(b.table())
        && a.part().equals(b.part());
  }

  private boolean appendValue(JsonNode value) {
    if (value.isTextual()) {
      return appendPlainString(value.textValue());
    }
    if (value.isNull()) {
      append(NULL);
      return true;
    }
    if (value instanceof POJONode pojo
        && pojo.getPojo() instanceof RawValue raw
        && raw.rawValue() instanceof RawJson json) {
      ensureRoom(json.length());
      length += json.appendUnquotedUTF8(buffer, length);
      return true;
    }
    return false;
  }

  /** Appends {@code "text"} if no character needs escaping or multi-byte encoding. */
  private boolean appendPlainString(String text) {
    if (!ResponseOutput.isPlain(text)) {
      return false;
    }
    ensureRoom(text.length() + 2);
    buffer[length++] = '"';
    for (int i = 0; i < text.length(); i++) {
      buffer[length++] = (byte) text.charAt(i);
    }
    buffer[length++] = '"';
    return true;
  }

  private void append(byte[] bytes) {
    ensureRoom(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void appendByte(byte b) {
    ensureRoom(1);
    buffer[length++] = b;
  }

  private void ensureRoom(int more) {
    if (length + more > buffer.length) {
      int doubled = Math.max(buffer.length * 2, FIRST_BUFFER_LENGTH);
      buffer = Arrays.copyOf(buffer, Math.max(doubled, length + more));
    }
  }
}
