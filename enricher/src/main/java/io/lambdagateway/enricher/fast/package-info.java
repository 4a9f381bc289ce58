/**
 * The enrichment's direct byte path: for records of the usual shape, the enriched items are written
 * straight into Transfer's response as pre-encoded bytes, with no change-item objects, strings or
 * JSON trees per row, because building and re-encoding those was most of the cost of a batch.
 *
 * <ul>
 *   <li>{@link io.lambdagateway.enricher.fast.DirectEnrichment}: one whole record, rows parsed by
 *       the shared {@code QueryRow} and scanned by {@link
 *       io.lambdagateway.enricher.fast.DataScanner}; it answers false, having written nothing, for
 *       any record it does not cover exactly.
 *   <li>{@link io.lambdagateway.enricher.fast.SplitItemWriter}: for records the generic path
 *       enriched, writes their items from the same pre-encoded pieces ({@code ItemTemplate}).
 * </ul>
 *
 * <p>Everything here must equal the generic path byte for byte; see the enricher package for the
 * tests that hold it to that. The path writes into the batch codec's public {@code ResponseOutput}
 * and {@code ChangeItemWriter} surface, never into codec internals; the field names it writes are
 * spelled here, next to the bytes they belong to.
 */
package io.lambdagateway.enricher.fast;
