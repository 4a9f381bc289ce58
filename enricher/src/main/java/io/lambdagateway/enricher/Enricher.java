package io.lambdagateway.enricher;

import io.lambdagateway.enricher.fast.DirectEnrichment;
import io.lambdagateway.enricher.fast.SplitItemWriter;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.ChunkPool;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.ResponseBody;
import io.lambdagateway.transfer.ResponseTooLargeException;
import java.util.Objects;

/**
 * The transformation function: one Transfer batch in, one result per record out, in order, each
 * carrying its record's {@code eventID} (see {@link RecordEnricher} for the status model and {@link
 * EnrichedColumns} for the output columns).
 *
 * <p>Thread-safe and non-blocking: no I/O and no shared mutable state per call, so it may run on an
 * event loop. The cost is linear in the batch size (one streaming pass, one shared mapper). Records
 * of the usual shape are enriched straight into the response bytes ({@link DirectEnrichment}); any
 * other record takes the generic path of change-item objects and Jackson's generator (its change
 * items written by {@link SplitItemWriter}), with the same output. The change items are written in
 * the config's {@link EnricherConfig#output() form}, compact by default.
 */
public final class Enricher {

  private final EnricherConfig config;
  private final RecordEnricher records;

  private Enricher(EnricherConfig config) {
    this.config = config;
    this.records = new RecordEnricher(config);
  }

  /** Builds an enricher; {@code config.publicIp()} must already be resolved. */
  public static Enricher create(EnricherConfig config) {
    return new Enricher(Objects.requireNonNull(config, "config"));
  }

  public EnricherConfig config() {
    return config;
  }

  /**
   * Transforms a Transfer request body {@code {"Records":[...]}} into the response body.
   *
   * @throws MalformedBatchException when the batch itself is unusable (not JSON, no {@code Records}
   *     array, a record without {@code cdc}); bad records never throw
   */
  public byte[] transform(byte[] requestJson) {
    return transform(requestJson, Integer.MAX_VALUE);
  }

  /**
   * Transforms a Transfer request body into a response body of at most {@code maxResponseBytes}, as
   * a Lambda function must: a few tiny rows can inflate into an answer dozens of times their size,
   * so the work stops as soon as the answer would not fit.
   *
   * @throws MalformedBatchException when the batch itself is unusable
   * @throws ResponseTooLargeException as soon as the response would exceed {@code
   *     maxResponseBytes}; no more than about that much is allocated for it
   */
  public byte[] transform(byte[] requestJson, int maxResponseBytes) {
    return transformToBody(requestJson, maxResponseBytes).toByteArray();
  }

  /**
   * {@link #transform(byte[], int)}, with the answer in the chunks it was written to, for a server
   * that sends them without copying them into one array first.
   *
   * @throws MalformedBatchException when the batch itself is unusable
   * @throws ResponseTooLargeException as soon as the response would exceed {@code maxResponseBytes}
   */
  public ResponseBody transformToBody(byte[] requestJson, int maxResponseBytes) {
    return transformToBody(requestJson, maxResponseBytes, null);
  }

  /**
   * {@link #transformToBody(byte[], int)}, with the answer written into {@code chunks}' arrays
   * unless it will be small: the caller gives them back to {@code chunks} once it has sent it.
   *
   * @throws MalformedBatchException when the batch itself is unusable
   * @throws ResponseTooLargeException as soon as the response would exceed {@code maxResponseBytes}
   */
  public ResponseBody transformToBody(byte[] requestJson, int maxResponseBytes, ChunkPool chunks) {
    // The fast paths' scratch state is per call, which keeps the enricher thread-safe.
    DirectEnrichment direct = new DirectEnrichment(config.publicIp(), config.output());
    SplitItemWriter items = new SplitItemWriter(config.output());
    return BatchJson.transform(
        requestJson,
        maxResponseBytes,
        chunks,
        (record, out) -> {
          if (!direct.tryWrite(record, out)) {
            BatchJson.writeResult(out, records.enrich(record, out), items);
          }
        });
  }
}
