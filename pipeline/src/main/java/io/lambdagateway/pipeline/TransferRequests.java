package io.lambdagateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ColumnSchema;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests Transfer sends to a function for a Kafka source read "as is" (contract §2), written
 * by the contract's codec ({@link BatchJson}): one {@code insert} change item per message, table =
 * topic, schema and part {@code ""}, nextlsn = offset, commitTime = the message timestamp in ns,
 * and the columns of an {@link ItemLayout}: by default the six columns {@code topic, partition,
 * offset, write_time, key, data} (key and data base64, key null when absent; a tombstone's data is
 * null as well), or the engine's 5- or 7-column layouts.
 *
 * <p>Records are encoded one at a time, as they arrive, so that a batch's request size is known
 * before the batch closes; {@link #request} puts them together into exactly the body {@link
 * BatchJson#writeRequest} writes for the whole batch. Column types use YT type names: {@code utf8}
 * for text, {@code string} for bytes (YT's bytes type is named "string"), {@code uint32}, {@code
 * uint64}, {@code datetime}. Thread-safe.
 */
public final class TransferRequests {

  private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMA = {','};

  /** The bytes around the records of a batch: {@code {"Records":[} and {@code ]}}. */
  public static final int ENVELOPE_BYTES = HEAD.length + TAIL.length;

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final ItemLayout layout;

  private final List<String> columnNames;

  /** The table schema of each topic, built once: the codec renders a schema's JSON once. */
  private final Map<String, TableSchema> schemas = new ConcurrentHashMap<>();

  /** Requests in the 6-column layout. */
  public TransferRequests() {
    this(ItemLayout.SIX);
  }

  public TransferRequests(ItemLayout layout) {
    this.layout = layout;
    this.columnNames = layout.columns().stream().map(c -> c.columnName).toList();
  }

  /** The request record (envelope + change item) of one message, as JSON bytes. */
  public byte[] encodeRecord(SourceRecord source) {
    return BatchJson.writeRequestRecord(record(source));
  }

  /** The request record of one message. */
  public BatchRecord record(SourceRecord source) {
    ChangeItem item =
        new ChangeItem(
            0,
            source.offset(),
            source.timestampMs() * NANOS_PER_MILLI,
            0,
            "insert",
            "",
            source.topic(),
            "",
            columnNames,
            columnValues(source),
            schemas.computeIfAbsent(source.topic(), this::tableSchema),
            OldKeys.NONE,
            "",
            "");
    return new BatchRecord(item, Envelope.forChangeItem(source.offset(), 0));
  }

  /** Transfer's event id of the record of the message at {@code offset}. */
  public static String eventId(long offset) {
    return Envelope.forChangeItem(offset, 0).eventId();
  }

  /** A whole request body {@code {"Records":[...]}} from already encoded records, not copied. */
  public static RequestBody request(List<byte[]> encodedRecords) {
    List<byte[]> parts = new ArrayList<>(2 * encodedRecords.size() + 1);
    parts.add(HEAD);
    for (int i = 0; i < encodedRecords.size(); i++) {
      if (i > 0) {
        parts.add(COMMA);
      }
      parts.add(encodedRecords.get(i));
    }
    parts.add(TAIL);
    return new RequestBody(parts);
  }

  /** The exact size of a request holding {@code count} records of {@code recordBytes} in total. */
  public static int requestSize(int count, long recordBytes) {
    long size = ENVELOPE_BYTES + recordBytes + Math.max(0, count - 1);
    return Math.toIntExact(size);
  }

  private List<JsonNode> columnValues(SourceRecord source) {
    List<JsonNode> values = new ArrayList<>(columnNames.size());
    for (ItemLayout.Column column : layout.columns()) {
      values.add(column.value.apply(source));
    }
    return values;
  }

  private TableSchema tableSchema(String topic) {
    List<ColumnSchema> columns = new ArrayList<>(columnNames.size());
    for (ItemLayout.Column column : layout.columns()) {
      columns.add(
          new ColumnSchema(
              "",
              topic,
              "",
              column.columnName,
              column.type,
              column.key,
              false,
              column.required,
              "",
              column.originalType,
              null));
    }
    return TableSchema.of(columns);
  }
}
