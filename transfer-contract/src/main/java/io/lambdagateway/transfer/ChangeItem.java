package io.lambdagateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One Transfer change item ({@code abstract.ChangeItem}), the {@code cdc} of a batch record.
 *
 * <p>JSON field order is Transfer's: {@code id, nextlsn, commitTime, txPosition, kind, schema,
 * table, part, columnnames, columnvalues, table_schema, oldkeys, tx_id, query}; {@code
 * columnvalues} and {@code table_schema} are omitted when empty.
 *
 * <p>{@code nextLsn} and {@code commitTime} are unsigned 64-bit integers held in a {@code long}:
 * read and write them with {@link Long#parseUnsignedLong} / {@link Long#toUnsignedString}, never
 * through a double, so that every value up to 18446744073709551615 survives exactly.
 *
 * <p>{@code txPosition} is a Go {@code int} in Transfer; values beyond 32 bits are refused as
 * malformed, none being seen in practice.
 *
 * @param id a uint32 held in a long
 * @param commitTime Unix time in nanoseconds, unsigned
 * @param columnValues JSON values, parallel to {@code columnNames}; JSON null is a {@code NullNode}
 */
public record ChangeItem(
    long id,
    long nextLsn,
    long commitTime,
    int txPosition,
    String kind,
    String schema,
    String table,
    String part,
    List<String> columnNames,
    List<JsonNode> columnValues,
    TableSchema tableSchema,
    OldKeys oldKeys,
    String txId,
    String query) {

  public ChangeItem {
    columnNames = List.copyOf(columnNames);
    columnValues = List.copyOf(columnValues);
  }

  /** The value of the column with this name, or null when the item has no such column. */
  public JsonNode valueOf(String columnName) {
    int index = columnNames.indexOf(columnName);
    return index < 0 || index >= columnValues.size() ? null : columnValues.get(index);
  }
}
