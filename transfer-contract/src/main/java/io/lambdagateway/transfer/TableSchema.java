package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.List;

/**
 * The {@code table_schema} of a change item: an immutable list of columns.
 *
 * <p>Its JSON form is rendered once and then reused, because a function emits the same schema with
 * every output item and re-encoding it per item would dominate the cost of a batch.
 */
public final class TableSchema {

  /** The schema of an item that carries none; omitted from JSON. */
  public static final TableSchema EMPTY = new TableSchema(List.of());

  private final List<ColumnSchema> columns;
  // Racy single-check caching is safe: a SerializedString is immutable once built; at worst two
  // threads render the same text.
  private SerializableString json;

  private SerializableString compactJson;

  private TableSchema(List<ColumnSchema> columns) {
    this.columns = columns;
  }

  /** A schema of these columns, in this order. */
  public static TableSchema of(List<ColumnSchema> columns) {
    return columns.isEmpty() ? EMPTY : new TableSchema(List.copyOf(columns));
  }

  public List<ColumnSchema> columns() {
    return columns;
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }

  /**
   * The JSON array of the columns, as Transfer writes it in {@code table_schema}; rendered on first
   * use, then shared.
   */
  public SerializableString json() {
    SerializableString rendered = json;
    if (rendered == null) {
      rendered = new SerializedString(ColumnSchemaJson.render(columns, ResponseForm.FULL));
      json = rendered;
    }
    return rendered;
  }

  /** The JSON array of the columns in {@code form}; rendered on first use, then shared. */
  public SerializableString json(ResponseForm form) {
    if (form == ResponseForm.FULL) {
      return json();
    }
    SerializableString rendered = compactJson;
    if (rendered == null) {
      rendered = new SerializedString(ColumnSchemaJson.render(columns, ResponseForm.COMPACT));
      compactJson = rendered;
    }
    return rendered;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TableSchema that && columns.equals(that.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "TableSchema" + columns;
  }
}
