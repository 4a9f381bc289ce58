package io.lambdagateway.enricher.fast;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.enricher.DataColumn;
import io.lambdagateway.enricher.QueryRow;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.ResponseOutput;
import io.lambdagateway.transfer.Result;

/**
 * The fast path of the enrichment: it enriches a record whose rows are all of the usual shape
 * straight into the response bytes, with no change-item objects, strings or JSON trees per row. The
 * output is byte for byte what the generic path (the enricher's {@code RecordEnricher} and the
 * batch codec's writer) produces; {@code DirectEnrichmentTest} holds the two paths to that.
 *
 * <p>It covers a record whose value is valid base64 (or text, {@link DataColumn}) holding at least
 * one row, every row with a non-empty {@code ts} and a {@code data} that {@link DataScanner}
 * covers, plain (printable ASCII, no escapes) {@code ts}, address, envelope, schema, table and
 * part. For any other record it writes nothing and answers false, and the caller takes the generic
 * path, which also words every error and applies {@code skipBadRows}.
 *
 * <p>Not thread-safe: one per response being written.
 */
public final class DirectEnrichment {

  private static final byte[] SPLIT_START = ItemTemplate.ascii("{\"cdc_split\":[");
  private static final byte[] SPLIT_END =
      ItemTemplate.ascii("],\"result\":\"" + Result.SPLIT.wireName() + "\"");
  private static final byte[] NULL = ItemTemplate.ascii("null");
  private static final byte[][] ENVELOPE_NAMES = {
    ItemTemplate.ascii(",\"eventSource\":"), ItemTemplate.ascii(",\"eventID\":"),
    ItemTemplate.ascii(",\"invokeIdentityArn\":"), ItemTemplate.ascii(",\"eventVersion\":"),
    ItemTemplate.ascii(",\"eventName\":"), ItemTemplate.ascii(",\"eventSourceARN\":"),
    ItemTemplate.ascii(",\"awsRegion\":")
  };

  /** The address as a JSON string, or null when it needs escaping (then nothing is direct). */
  private final byte[] quotedIp;

  private final DataScanner data = new DataScanner();
  private final InPlaceRow inPlace = new InPlaceRow();
  private final ResponseForm form;

  /** Writes items with this {@code ip} column, in {@code form}. */
  public DirectEnrichment(String publicIp, ResponseForm form) {
    this.quotedIp =
        ResponseOutput.isPlain(publicIp) ? ItemTemplate.ascii('"' + publicIp + '"') : null;
    this.form = form;
  }

  /** Writes the record's result and answers true, or writes nothing and answers false. */
  public boolean tryWrite(BatchRecord record, ResponseOutput out) {
    byte[] value = decodedValue(record.cdc());
    ItemTemplate template = quotedIp == null ? null : ItemTemplate.of(record.cdc(), form);
    if (value == null || template == null) {
      return false;
    }
    int mark = out.length();
    out.append(SPLIT_START);
    if (writeItems(value, template, out) && writeEnvelope(record.envelope(), out)) {
      out.append((byte) '}');
      return true;
    }
    out.truncate(mark);
    return false;
  }

  /** The decoded {@code data} column, or null when it is absent, not text, or not base64. */
  private static byte[] decodedValue(ChangeItem cdc) {
    JsonNode value = cdc.valueOf("data");
    if (value == null || !value.isTextual()) {
      return null;
    }
    try {
      return DataColumn.bytes(cdc, value);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** Writes one item per row; false if a row is not covered or there is none. */
  private boolean writeItems(byte[] value, ItemTemplate template, ResponseOutput out) {
    int position = 0;
    for (int start = 0; start < value.length; ) {
      int end = inPlace.read(value, start, value.length, data) ? inPlace.end() : -1;
      QueryRow decoded = end < 0 ? QueryRow.parse(value, start, value.length) : null;
      if (decoded != null) {
        end = decoded.end();
      }
      if (end > start) {
        if (position > 0) {
          out.append((byte) ',');
        }
        boolean written =
            decoded == null
                ? writeInPlace(value, template, position, out)
                : writeDecoded(decoded, template, position, out);
        if (!written) {
          return false;
        }
        position++;
      }
      start = end + 1;
    }
    out.append(SPLIT_END);
    return position > 0;
  }

  /** The usual row: {@code ts} and {@code data} read where they stand, data already scanned. */
  private boolean writeInPlace(
      byte[] row, ItemTemplate template, int position, ResponseOutput out) {
    if (!inPlace.hasTs() || !inPlace.hasData() || !inPlace.isTsPlain()) {
      return false;
    }
    return writeItem(row, inPlace.tsStart(), inPlace.tsLength(), row, template, position, out);
  }

  /** A row with escapes: {@code QueryRow} has split and decoded it; its data is scanned here. */
  private boolean writeDecoded(
      QueryRow row, ItemTemplate template, int position, ResponseOutput out) {
    if (!row.hasTs()
        || !row.hasData()
        || !isPlain(row.tsBytes(), row.tsOffset(), row.tsLength())
        || !data.scan(row.dataBytes(), row.dataOffset(), row.dataLength())) {
      return false;
    }
    return writeItem(
        row.tsBytes(), row.tsOffset(), row.tsLength(), row.dataBytes(), template, position, out);
  }

  /**
   * Writes the item of a row whose {@code data} the scanner has just covered in {@code data}, and
   * whose plain {@code ts} is {@code ts[tsOffset, tsOffset + tsLength)}.
   */
  private boolean writeItem(
      byte[] ts,
      int tsOffset,
      int tsLength,
      byte[] dataBytes,
      ItemTemplate template,
      int position,
      ResponseOutput out) {
    if (tsLength == 0) {
      return false;
    }
    out.append(template.head);
    template.appendTxPosition(out, position);
    out.append(template.middle);
    out.append((byte) '"');
    out.append(ts, tsOffset, tsLength);
    out.append((byte) '"');
    out.append((byte) ',');
    out.append(quotedIp);
    appendColumn(dataBytes, DataScanner.PAYLOAD_COLUMN, out);
    appendColumn(dataBytes, DataScanner.APPID_COLUMN, out);
    appendColumn(dataBytes, DataScanner.IDENTITY_COLUMN, out);
    out.append(template.tail);
    return true;
  }

  private void appendColumn(byte[] dataBytes, int column, ResponseOutput out) {
    out.append((byte) ',');
    int start = data.start(column);
    if (start < 0) {
      out.append(NULL);
    } else {
      out.append(dataBytes, start, data.end(column) - start);
    }
  }

  private static boolean isPlain(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (!ResponseOutput.isPlain(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  /** Writes the envelope fields that are present; false if one would need escaping. */
  private static boolean writeEnvelope(Envelope envelope, ResponseOutput out) {
    String[] values = {
      envelope.eventSource(),
      envelope.eventId(),
      envelope.invokeIdentityArn(),
      envelope.eventVersion(),
      envelope.eventName(),
      envelope.eventSourceArn(),
      envelope.awsRegion()
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        out.append(ENVELOPE_NAMES[i]);
        if (!out.appendPlainString(values[i])) {
          return false;
        }
      }
    }
    return true;
  }
}
