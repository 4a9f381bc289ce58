package io.lambdagateway.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Builds the request records Transfer sends to a function for a Kafka source read "as is"
 * (contract §2): one {@code insert} change item per message, table = topic, schema {@code ""},
 * nextlsn = offset, commitTime = the message timestamp in ns, and the six columns
 * {@code topic, partition, offset, write_time, key, data} (key and data base64, key null when
 * absent; a tombstone's data is null as well).
 *
 * <p>Column types use YT type names: {@code utf8} for text, {@code string} for bytes (YT's bytes
 * type is named "string"), {@code uint32}, {@code uint64}, {@code datetime}. Thread-safe.
 */
public final class TransferRequestBuilder {

  /** The bytes around the records of a batch: {@code {"Records":[} and {@code ]}}. */
  public static final int ENVELOPE_BYTES = "{\"Records\":[]}".length();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> COLUMN_NAMES =
    List.of("topic", "partition", "offset", "write_time", "key", "data");
  private static final List<String> COLUMN_TYPES =
    List.of("utf8", "uint32", "uint64", "datetime", "string", "string");
  private static final int KEY_COLUMNS = 4;
  private static final long NANOS_PER_MILLI = 1_000_000L;

  /** The request record (envelope + change item) of one message, as JSON bytes. */
  public byte[] encodeRecord(SourceRecord source) {
    try {
      return Json.MAPPER.writeValueAsBytes(record(source));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request record of one message, in Transfer's field order. */
  public ObjectNode record(SourceRecord source) {
    ObjectNode changeItem = changeItem(source);
    ObjectNode record = NODES.objectNode();
    record.set("cdc", changeItem);
    record.putNull("cdc_split");
    record.putNull("kinesis");
    record.put("result", "");
    record.put("eventSource", "CDC");
    record.put("eventID", eventId(source.offset(), 0));
    record.put("invokeIdentityArn", "tm");
    record.put("eventVersion", "1.0");
    record.put("eventName", "dt:cdc:change_item");
    record.put("eventSourceARN", "");
    record.put("awsRegion", "");
    return record;
  }

  /** Transfer's event id: {@code "<nextlsn>.<txPosition>"}. */
  public static String eventId(long nextLsn, int txPosition) {
    return nextLsn + "." + txPosition;
  }

  /** A whole request body {@code {"Records":[...]}} from already encoded records. */
  public static byte[] request(List<byte[]> encodedRecords) {
    int size = requestSize(encodedRecords.size(), encodedRecords.stream().mapToLong(r -> r.length).sum());
    byte[] out = new byte[size];
    byte[] head = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, out, 0, head.length);
    int at = head.length;
    for (int i = 0; i < encodedRecords.size(); i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      byte[] record = encodedRecords.get(i);
      System.arraycopy(record, 0, out, at, record.length);
      at += record.length;
    }
    out[at++] = ']';
    out[at] = '}';
    return out;
  }

  /** The exact size of a request holding {@code count} records of {@code recordBytes} in total. */
  public static int requestSize(int count, long recordBytes) {
    long size = ENVELOPE_BYTES + recordBytes + Math.max(0, count - 1);
    return Math.toIntExact(size);
  }

  private ObjectNode changeItem(SourceRecord source) {
    ObjectNode item = NODES.objectNode();
    item.put("id", 0);
    item.put("nextlsn", source.offset());
    item.put("commitTime", source.timestampMs() * NANOS_PER_MILLI);
    item.put("txPosition", 0);
    item.put("kind", "insert");
    item.put("schema", "");
    item.put("table", source.topic());
    item.put("part", "");
    ArrayNode names = item.putArray("columnnames");
    COLUMN_NAMES.forEach(names::add);
    item.set("columnvalues", columnValues(source));
    item.set("table_schema", tableSchema(source.topic()));
    item.putObject("oldkeys");
    item.put("tx_id", "");
    item.put("query", "");
    return item;
  }

  private static ArrayNode columnValues(SourceRecord source) {
    ArrayNode values = NODES.arrayNode();
    values.add(source.topic());
    values.add(source.partition());
    values.add(source.offset());
    values.add(Instant.ofEpochMilli(source.timestampMs()).toString());
    values.add(base64OrNull(source.key()));
    values.add(base64OrNull(source.value()));
    return values;
  }

  private static ArrayNode tableSchema(String topic) {
    ArrayNode schema = NODES.arrayNode();
    for (int i = 0; i < COLUMN_NAMES.size(); i++) {
      ObjectNode column = schema.addObject();
      column.put("table_schema", "");
      column.put("table_name", topic);
      column.put("path", "");
      column.put("name", COLUMN_NAMES.get(i));
      column.put("type", COLUMN_TYPES.get(i));
      column.put("key", i < KEY_COLUMNS);
      column.put("fake_key", false);
      column.put("required", false);
      column.put("expression", "");
      column.put("original_type", "");
    }
    return schema;
  }

  private static String base64OrNull(byte[] bytes) {
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }
}
