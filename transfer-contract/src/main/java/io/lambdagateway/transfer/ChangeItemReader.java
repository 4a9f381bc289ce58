package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.readInt;
import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.readUnsigned;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@link ChangeItem}s in Transfer's field names: in any order, unknown fields ignored, absent
 * ones as Go's zero values, a value of the wrong type a {@link MalformedBatchException}. The
 * reading half of the change-item codec; {@link GenericChangeItemWriter} is the writing half.
 *
 * <p>An item whose {@code table_schema} or {@code columnnames} equal the previous item's shares
 * that item's instances. A function repeats them in every item, and kept apart they were most of
 * what a parsed answer holds (a full-form answer's items each carry the whole schema), so a
 * response is read with one reader for all its records. A request is read one record at a time,
 * each with a reader of its own. Reading from a body, an item's {@code table_schema} whose bytes
 * are those of the previous schema read is skipped instead of read again: in a 2.4 MB answer of
 * 4,500 items it is one schema, and reading it into columns and comparing them was over two fifths
 * of the time the pipeline spent reading answers. Not thread-safe.
 */
final class ChangeItemReader {

  private static final long UINT32_MAX = 0xFFFF_FFFFL;
  private static final long UINT64_MAX = -1L;

  private final byte[] body;
  private TableSchema lastSchema = TableSchema.EMPTY;
  private List<String> lastColumnNames = List.of();

  /** Where the last {@code table_schema} read from {@link #body} stands in it; end -1 if none. */
  private int schemaStart;

  private int schemaEnd = -1;
  private TableSchema schemaAtSpan;

  /**
   * @param body the whole array the parser reads, whose column values' strings are kept as spans of
   *     it (see {@link ColumnListsJson#readValues(JsonParser, String, byte[])}), or null to read
   *     them as text
   */
  ChangeItemReader(byte[] body) {
    this.body = body;
  }

  /** Reads the object whose START_OBJECT is the parser's current token. */
  ChangeItem read(JsonParser parser) throws IOException {
    ChangeItemFields item = new ChangeItemFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      readField(parser, field, item);
    }
    return item.build();
  }

  /**
   * The string fields of the previous item: an item whose field holds the same text shares the
   * instance. Reading each into a new {@code String} was a sixth of what reading an answer
   * allocated, though a function writes the same kind, schema and table in item after item.
   */
  private String lastKind = "";

  private String lastSchemaName = "";
  private String lastTable = "";
  private String lastPart = "";
  private String lastTxId = "";
  private String lastQuery = "";

  private TableSchema shared(TableSchema schema) {
    if (schema.equals(lastSchema)) {
      return lastSchema;
    }
    lastSchema = schema;
    return schema;
  }

  /**
   * The schema at the parser's current token. Bytes equal to the last schema's are the same value
   * (from its {@code [} on, they end where it ended), so the parser only skips them.
   */
  private TableSchema tableSchema(JsonParser parser) throws IOException {
    int start = body == null ? -1 : TransferJson.tokenStart(parser, body);
    if (start < 0 || body[start] != '[') {
      return shared(ColumnSchemaJson.read(parser));
    }
    int length = schemaEnd - schemaStart;
    if (schemaEnd >= 0
        && body.length - start >= length
        && Arrays.equals(body, start, start + length, body, schemaStart, schemaEnd)) {
      parser.skipChildren();
      return schemaAtSpan;
    }
    TableSchema schema = shared(ColumnSchemaJson.read(parser));
    int close = TransferJson.tokenStart(parser, body);
    if (close > start && body[close] == ']') {
      schemaStart = start;
      schemaEnd = close + 1;
      schemaAtSpan = schema;
    }
    return schema;
  }

  /**
   * The item's column names, as the previous item's immutable list (which {@link ChangeItem} keeps
   * as it is instead of copying it) when they are the same names.
   */
  private List<String> columnNames(JsonParser parser, String field) throws IOException {
    List<String> names = ColumnListsJson.readStrings(parser, field, lastColumnNames);
    if (names != lastColumnNames && !names.equals(lastColumnNames)) {
      lastColumnNames = List.copyOf(names);
    }
    return lastColumnNames;
  }

  private void readField(JsonParser parser, String field, ChangeItemFields item)
      throws IOException {
    switch (field) {
      case "id" -> item.id = readUnsigned(parser, field, UINT32_MAX);
      case "nextlsn" -> item.nextLsn = readUnsigned(parser, field, UINT64_MAX);
      case "commitTime" -> item.commitTime = readUnsigned(parser, field, UINT64_MAX);
      case "txPosition" -> item.txPosition = readInt(parser, field);
      case "kind" -> item.kind = lastKind = readString(parser, field, lastKind);
      case "schema" -> item.schema = lastSchemaName = readString(parser, field, lastSchemaName);
      case "table" -> item.table = lastTable = readString(parser, field, lastTable);
      case "part" -> item.part = lastPart = readString(parser, field, lastPart);
      case "columnnames" -> item.columnNames = columnNames(parser, field);
      case "columnvalues" -> item.columnValues = ColumnListsJson.readValues(parser, field, body);
      case "table_schema" -> item.tableSchema = tableSchema(parser);
      case "oldkeys" -> item.oldKeys = OldKeysJson.read(parser);
      case "tx_id" -> item.txId = lastTxId = readString(parser, field, lastTxId);
      case "query" -> item.query = lastQuery = readString(parser, field, lastQuery);
      default -> parser.skipChildren();
    }
  }

  /** The fields of an item being read; Go's zero values where the JSON has none. */
  private static final class ChangeItemFields {
    long id;
    long nextLsn;
    long commitTime;
    int txPosition;
    String kind = "";
    String schema = "";
    String table = "";
    String part = "";
    List<String> columnNames = List.of();
    List<JsonNode> columnValues = List.of();
    TableSchema tableSchema = TableSchema.EMPTY;
    OldKeys oldKeys = OldKeys.NONE;
    String txId = "";
    String query = "";

    ChangeItem build() {
      return new ChangeItem(
          id,
          nextLsn,
          commitTime,
          txPosition,
          kind,
          schema,
          table,
          part,
          columnNames,
          columnValues,
          tableSchema,
          oldKeys,
          txId,
          query);
    }
  }
}
