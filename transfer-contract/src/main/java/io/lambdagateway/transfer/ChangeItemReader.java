package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.readInt;
import static io.lambdagateway.transfer.TransferJson.readString;
import static io.lambdagateway.transfer.TransferJson.readUnsigned;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * Reads a {@link ChangeItem} in Transfer's field names: in any order, unknown fields ignored,
 * absent ones as Go's zero values, a value of the wrong type a {@link MalformedBatchException}. The
 * reading half of the change-item codec; {@link GenericChangeItemWriter} is the writing half.
 */
final class ChangeItemReader {

  private static final long UINT32_MAX = 0xFFFF_FFFFL;
  private static final long UINT64_MAX = -1L;

  private ChangeItemReader() {}

  /**
   * Reads the object whose START_OBJECT is the parser's current token, its column values' strings
   * kept as spans of {@code body} when it is the whole array the parser reads (see {@link
   * ColumnListsJson#readValues(JsonParser, String, byte[])}), as text when it is null.
   */
  static ChangeItem read(JsonParser parser, byte[] body) throws IOException {
    ChangeItemFields item = new ChangeItemFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      readField(parser, field, item, body);
    }
    return item.build();
  }

  private static void readField(JsonParser parser, String field, ChangeItemFields item, byte[] body)
      throws IOException {
    switch (field) {
      case "id" -> item.id = readUnsigned(parser, field, UINT32_MAX);
      case "nextlsn" -> item.nextLsn = readUnsigned(parser, field, UINT64_MAX);
      case "commitTime" -> item.commitTime = readUnsigned(parser, field, UINT64_MAX);
      case "txPosition" -> item.txPosition = readInt(parser, field);
      case "kind" -> item.kind = readString(parser, field);
      case "schema" -> item.schema = readString(parser, field);
      case "table" -> item.table = readString(parser, field);
      case "part" -> item.part = readString(parser, field);
      case "columnnames" -> item.columnNames = ColumnListsJson.readStrings(parser, field);
      case "columnvalues" -> item.columnValues = ColumnListsJson.readValues(parser, field, body);
      case "table_schema" -> item.tableSchema = ColumnSchemaJson.read(parser);
      case "oldkeys" -> item.oldKeys = OldKeysJson.read(parser);
      case "tx_id" -> item.txId = readString(parser, field);
      case "query" -> item.query = readString(parser, field);
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
