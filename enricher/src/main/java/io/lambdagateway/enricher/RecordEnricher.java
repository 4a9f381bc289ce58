package io.lambdagateway.enricher;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.ResponseOutput;
import io.lambdagateway.transfer.ResultRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The status model: one result per batch record.
 *
 * <ul>
 *   <li>The Kafka value is the column named {@code data} (5-, 6- and 7-column layouts alike),
 *       base64 or text as the layout declares it ({@link DataColumn}); it holds rows separated by
 *       {@code \n}, empty rows skipped.
 *   <li>At least one row enriched: {@code Split} with one item per row, in row order.
 *   <li>A null or empty value, or one with only empty rows: {@code Dropped}.
 *   <li>No {@code data} column, a value that is not a base64 string, or a bad row: {@code
 *       ProcessingFailed}; the error names the first bad row by its index among the non-empty rows
 *       (from 0) with an excerpt.
 *   <li>With {@code skipBadRows}, bad rows are left out and the rest is kept; when every row was
 *       bad the record is {@code Dropped}, as a value without usable rows (the rows were declared
 *       skippable, so nothing is left to fail).
 * </ul>
 */
final class RecordEnricher {

  private static final int EXCERPT_CHARS = 60;

  /**
   * Fewer bytes than any split item takes in the response (its column names and schema alone take
   * more): the items of a record are built before it is written, so their count is checked against
   * the room left to stop a record that cannot fit before it fills the heap.
   */
  static final int MIN_SPLIT_ITEM_BYTES = 256;

  private final RowEnricher rows;
  private final boolean skipBadRows;

  RecordEnricher(EnricherConfig config) {
    this.rows = new RowEnricher(config.publicIp());
    this.skipBadRows = config.skipBadRows();
  }

  /**
   * The result of one record, to be written into {@code out}.
   *
   * @throws io.lambdagateway.transfer.ResponseTooLargeException when its items cannot fit in {@code
   *     out}
   */
  ResultRecord enrich(BatchRecord record, ResponseOutput out) {
    Envelope envelope = record.envelope();
    JsonNode value = record.cdc().valueOf("data");
    if (value == null) {
      return ResultRecord.failed("the change item has no column named 'data'", envelope);
    }
    if (value.isNull()) {
      return ResultRecord.dropped(envelope);
    }
    if (!value.isTextual()) {
      return ResultRecord.failed("column 'data' is not a base64 string", envelope);
    }
    byte[] bytes;
    try {
      bytes = DataColumn.bytes(record.cdc(), value);
    } catch (IllegalArgumentException notBase64) {
      return ResultRecord.failed(
          "column 'data' is not base64: " + notBase64.getMessage(), envelope);
    }
    return enrichRows(record.cdc(), bytes, envelope, out);
  }

  private ResultRecord enrichRows(
      ChangeItem source, byte[] value, Envelope envelope, ResponseOutput out) {
    List<ChangeItem> items = new ArrayList<>();
    int rowIndex = 0;
    int start = 0;
    try (DataReader reader = new DataReader()) {
      while (start < value.length) {
        QueryRow row = QueryRow.parse(value, start, value.length);
        int end = row.end();
        if (end > start) {
          out.requireRoom((items.size() + 1L) * MIN_SPLIT_ITEM_BYTES);
          try {
            items.add(rows.enrich(source, row, items.size(), reader));
          } catch (BadRowException bad) {
            if (!skipBadRows) {
              return ResultRecord.failed(describe(rowIndex, bad, value, start, end), envelope);
            }
          }
          rowIndex++;
        }
        start = end + 1;
      }
    }
    return items.isEmpty() ? ResultRecord.dropped(envelope) : ResultRecord.split(items, envelope);
  }

  private static String describe(
      int rowIndex, BadRowException bad, byte[] value, int start, int end) {
    return "row " + rowIndex + ": " + bad.getMessage() + ": \"" + excerpt(value, start, end) + "\"";
  }

  private static String excerpt(byte[] value, int start, int end) {
    int length = Math.min(end - start, EXCERPT_CHARS * 4);
    String row = new String(value, start, length, StandardCharsets.UTF_8);
    return row.length() > EXCERPT_CHARS || length < end - start
        ? row.substring(0, Math.min(row.length(), EXCERPT_CHARS)) + "…"
        : row;
  }
}
