package io.lambdagateway.enricher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.OldKeys;
import java.util.List;

/**
 * Turns one row {@code ts=...&data={"appid":...,"payload":{...},"identity":...}} into one insert
 * item of {@link EnrichedColumns}. The row's own {@code ip} (and any other parameter) is ignored:
 * {@code ip} is always the enricher's address.
 *
 * <p>A row is bad when it has no non-empty {@code ts}, no {@code data}, or a {@code data} that
 * {@link DataReader} refuses.
 */
final class RowEnricher {

  private final TextNode ip;

  RowEnricher(String publicIp) {
    this.ip = TextNode.valueOf(publicIp);
  }

  /**
   * The output item of one row of {@code source}'s value.
   *
   * @param position the item's {@code txPosition}: its index among the record's output items
   */
  ChangeItem enrich(ChangeItem source, QueryRow row, int position, DataReader reader)
      throws BadRowException {
    String ts = row.ts();
    if (ts == null || ts.isEmpty()) {
      throw new BadRowException("missing 'ts'");
    }
    if (!row.hasData()) {
      throw new BadRowException("missing 'data'");
    }
    DataReader.DataFields data = reader.read(row);
    List<JsonNode> values =
        List.of(TextNode.valueOf(ts), ip, data.payload, data.appid, data.identity);
    return new ChangeItem(
        source.id(),
        source.nextLsn(),
        source.commitTime(),
        position,
        "insert",
        source.schema(),
        source.table(),
        source.part(),
        EnrichedColumns.NAMES,
        values,
        EnrichedColumns.SCHEMA,
        OldKeys.NONE,
        "",
        "");
  }
}
