package io.lambdagateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ColumnSchema;
import io.lambdagateway.transfer.ResultRecord;
import io.lambdagateway.transfer.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the engine writes for a batch whose call failed after its retries (contract §8, "After
 * the retries"): each INPUT item unchanged (same kind, schema, table, LSN, commit time, columns)
 * with one more column {@code __transform_error} holding the error text, declared in the table
 * schema as a non-key, non-required {@code utf8} column of the same schema and table (the engine's
 * transformation middleware, {@code errorChangeItems}). They go to the target like any other row.
 * Thread-safe.
 */
final class TransformErrors {

  static final String COLUMN = "__transform_error";
  private static final String UTF8 = "utf8";

  private final TransferRequests requests;

  TransformErrors(TransferRequests requests) {
    this.requests = requests;
  }

  /** One {@code Ok} result per record of {@code batch}: its input item with {@code error}. */
  List<ResultRecord> results(Batch batch, String error) {
    List<ResultRecord> results = new ArrayList<>(batch.records().size());
    for (PendingRecord record : batch.records()) {
      BatchRecord input = requests.record(record.source());
      results.add(ResultRecord.ok(withError(input.cdc(), error), input.envelope()));
    }
    return results;
  }

  static ChangeItem withError(ChangeItem input, String error) {
    List<String> names = new ArrayList<>(input.columnNames());
    names.add(COLUMN);
    List<JsonNode> values = new ArrayList<>(input.columnValues());
    values.add(JsonNodeFactory.instance.textNode(error));
    List<ColumnSchema> columns = new ArrayList<>(input.tableSchema().columns());
    columns.add(
        new ColumnSchema(
            input.schema(), input.table(), "", COLUMN, UTF8, false, false, false, "", "", null));
    return new ChangeItem(
        input.id(),
        input.nextLsn(),
        input.commitTime(),
        input.txPosition(),
        input.kind(),
        input.schema(),
        input.table(),
        input.part(),
        names,
        values,
        TableSchema.of(columns),
        input.oldKeys(),
        input.txId(),
        input.query());
  }
}
