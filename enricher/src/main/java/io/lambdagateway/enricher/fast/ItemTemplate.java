package io.lambdagateway.enricher.fast;

import io.lambdagateway.enricher.EnrichedColumns;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ResponseOutput;
import java.nio.charset.StandardCharsets;

/**
 * The pre-encoded bytes of an enriched item, as the codec's generic item writer writes it: a head
 * up to {@code "txPosition":} and a middle up to {@code "columnvalues":[} that every item of one
 * source record shares, and a {@link #TAIL} that every enriched item shares. An item is then {@code
 * head, txPosition, middle, five column values, TAIL}.
 *
 * <p>Why: encoding the shared fields once per record instead of field by field per item was the
 * largest single saving in writing a response.
 */
final class ItemTemplate {

  /** From the end of {@code columnvalues} to the end of the item. */
  static final byte[] TAIL =
      ascii(
          "],\"table_schema\":"
              + EnrichedColumns.SCHEMA.json().getValue()
              + ",\"oldkeys\":{},\"tx_id\":\"\",\"query\":\"\"}");

  final byte[] head;
  final byte[] middle;

  private ItemTemplate(byte[] head, byte[] middle) {
    this.head = head;
    this.middle = middle;
  }

  /**
   * The template of the items enriched from {@code source}; null when its schema, table or part
   * would need escaping, which only the generic writer does.
   */
  static ItemTemplate of(ChangeItem source) {
    if (!ResponseOutput.isPlain(source.schema())
        || !ResponseOutput.isPlain(source.table())
        || !ResponseOutput.isPlain(source.part())) {
      return null;
    }
    byte[] head =
        ascii(
            "{\"id\":"
                + source.id()
                + ",\"nextlsn\":"
                + Long.toUnsignedString(source.nextLsn())
                + ",\"commitTime\":"
                + Long.toUnsignedString(source.commitTime())
                + ",\"txPosition\":");
    byte[] middle =
        ascii(
            ",\"kind\":\"insert\",\"schema\":\""
                + source.schema()
                + "\",\"table\":\""
                + source.table()
                + "\",\"part\":\""
                + source.part()
                + "\",\"columnnames\":"
                + EnrichedColumns.NAMES_JSON.getValue()
                + ",\"columnvalues\":[");
    return new ItemTemplate(head, middle);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
