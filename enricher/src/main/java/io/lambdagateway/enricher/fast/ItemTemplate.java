package io.lambdagateway.enricher.fast;

import io.lambdagateway.enricher.EnrichedColumns;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.ResponseOutput;
import java.nio.charset.StandardCharsets;

/**
 * The pre-encoded bytes of an enriched item, as the codec's generic item writer writes it in one
 * {@link ResponseForm}: a {@link #head} and a {@link #middle} that every item of one source record
 * shares, and a {@link #tail} that every enriched item shares. An item is then {@code head,
 * txPosition, middle, five column values, tail}, where the full form writes {@code txPosition} as
 * its digits (the head ends with its name) and the compact form as {@code "txPosition":N,}, or not
 * at all when it is 0 ({@link #appendTxPosition}).
 *
 * <p>Why: encoding the shared fields once per record instead of field by field per item was the
 * largest single saving in writing a response.
 */
final class ItemTemplate {

  private static final byte[] FULL_TAIL =
      ascii(
          "],\"table_schema\":"
              + EnrichedColumns.SCHEMA.json(ResponseForm.FULL).getValue()
              + ",\"oldkeys\":{},\"tx_id\":\"\",\"query\":\"\"}");

  private static final byte[] COMPACT_TAIL =
      ascii(
          "],\"table_schema\":"
              + EnrichedColumns.SCHEMA.json(ResponseForm.COMPACT).getValue()
              + "}");

  private static final byte[] TX_POSITION = ascii("\"txPosition\":");

  final byte[] head;
  final byte[] middle;

  /** From the end of {@code columnvalues} to the end of the item. */
  final byte[] tail;

  private final boolean compact;

  private ItemTemplate(byte[] head, byte[] middle, ResponseForm form) {
    this.head = head;
    this.middle = middle;
    this.compact = form == ResponseForm.COMPACT;
    this.tail = compact ? COMPACT_TAIL : FULL_TAIL;
  }

  /**
   * The template of the items enriched from {@code source} in {@code form}; null when its schema,
   * table or part would need escaping, which only the generic writer does.
   */
  static ItemTemplate of(ChangeItem source, ResponseForm form) {
    if (!ResponseOutput.isPlain(source.schema())
        || !ResponseOutput.isPlain(source.table())
        || !ResponseOutput.isPlain(source.part())) {
      return null;
    }
    return form == ResponseForm.FULL ? full(source) : compact(source);
  }

  /** Appends what stands between {@link #head} and {@link #middle} for this position. */
  void appendTxPosition(ResponseOutput out, int txPosition) {
    if (!compact) {
      out.appendDigits(txPosition);
    } else if (txPosition != 0) {
      out.append(TX_POSITION);
      out.appendDigits(txPosition);
      out.append((byte) ',');
    }
  }

  /** {@link #appendTxPosition} for a writer with a byte array of its own. */
  byte[] txPositionBytes(int txPosition) {
    if (!compact) {
      return ascii(Integer.toString(txPosition));
    }
    return txPosition == 0 ? new byte[0] : ascii("\"txPosition\":" + txPosition + ",");
  }

  private static ItemTemplate full(ChangeItem source) {
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
    return new ItemTemplate(head, middle, ResponseForm.FULL);
  }

  /** The fields of the source that are not zero values; {@code kind} always is not. */
  private static ItemTemplate compact(ChangeItem source) {
    StringBuilder head = new StringBuilder("{");
    if (source.id() != 0) {
      head.append("\"id\":").append(source.id()).append(',');
    }
    if (source.nextLsn() != 0) {
      head.append("\"nextlsn\":").append(Long.toUnsignedString(source.nextLsn())).append(',');
    }
    if (source.commitTime() != 0) {
      head.append("\"commitTime\":").append(Long.toUnsignedString(source.commitTime())).append(',');
    }
    StringBuilder middle = new StringBuilder("\"kind\":\"insert\"");
    appendNonEmpty(middle, "schema", source.schema());
    appendNonEmpty(middle, "table", source.table());
    appendNonEmpty(middle, "part", source.part());
    middle
        .append(",\"columnnames\":")
        .append(EnrichedColumns.NAMES_JSON.getValue())
        .append(",\"columnvalues\":[");
    return new ItemTemplate(ascii(head.toString()), ascii(middle.toString()), ResponseForm.COMPACT);
  }

  private static void appendNonEmpty(StringBuilder json, String name, String plainValue) {
    if (!plainValue.isEmpty()) {
      json.append(",\"").append(name).append("\":\"").append(plainValue).append('"');
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
