/**
 * The enrichment: the transformation function that turns each Kafka message of a Transfer batch
 * ({@code ts=...&data={...}} rows, base64 in the {@code data} column) into enriched insert items.
 * The batch format itself is {@code io.lambdagateway.transfer}; this package only decides what each
 * record becomes.
 *
 * <p>Two paths write the same bytes:
 *
 * <ul>
 *   <li>Generic, change-item objects: {@link io.lambdagateway.enricher.QueryRow} splits a row,
 *       {@link io.lambdagateway.enricher.DataReader} reads its {@code data} with Jackson, {@link
 *       io.lambdagateway.enricher.RowEnricher} and {@link io.lambdagateway.enricher.RecordEnricher}
 *       build the result (status model, error wording, {@code skipBadRows}), and the batch codec
 *       writes it. It handles every record.
 *   <li>Direct bytes, {@code io.lambdagateway.enricher.fast}: records of the usual shape are
 *       scanned and written straight into the response, with no objects per row. It handles what it
 *       covers exactly and hands everything else back, untouched, to the generic path.
 * </ul>
 *
 * {@link io.lambdagateway.enricher.Enricher} tries the direct path first for each record. {@code
 * DirectEnrichmentTest} (a jqwik property over mixed usual and unusual rows, both address kinds and
 * both bad-row policies) holds the two paths to identical response bytes; {@code DataScannerTest}
 * holds the direct scanner to {@code DataReader}, and {@code SplitItemWriterTest} the fast
 * split-item writer to the codec's generic one. {@code EnricherPropertiesTest} checks the status
 * model (one result per record, in order, with its eventID), whichever path wrote it, and {@code
 * GoldenFilesTest} the end-to-end bytes.
 *
 * <p>{@code QueryRow}, {@code EnrichedColumns} and {@code RawJson} are public only because the
 * {@code fast} sub-package shares them; they are not an API for other modules.
 */
package io.lambdagateway.enricher;
