package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.ResultRecord;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch into what is written for it ({@link BatchPart}s, in record order) by calling the
 * function ({@link BatchCaller}, with its retries) and applying the failure policies:
 *
 * <ul>
 *   <li>A {@link DeterministicFailureException deterministic failure} with {@link PoisonAction#DLQ}
 *       is bisected: each half is resolved on its own, recursively, so a failing record ends up
 *       alone and is dead-lettered as poison while the records around it are written. Halves are
 *       called one after the other, so at most one extra call per level is in flight. Isolating one
 *       poison record among n costs about 2·log2(n) calls.
 *   <li>Any other failure, after the caller's retries, follows {@link ExhaustedAction}: stalled
 *       until it passes (a stalled attempt that then fails deterministically is bisected as above),
 *       dead-lettered, or written as {@code __transform_error} rows.
 * </ul>
 *
 * With {@link PoisonAction#STALL} a deterministic failure is treated as any other. Not thread-safe:
 * use from the pipeline's context.
 */
final class BatchResolver {

  private static final Logger LOG = LoggerFactory.getLogger(BatchResolver.class);

  private final BatchCaller caller;
  private final StallRetry stallRetry;
  private final PoisonAction onPoison;
  private final ExhaustedAction onExhausted;
  private final TransformErrors transformErrors;
  private final PipelineMetrics metrics;

  BatchResolver(
      BatchCaller caller,
      StallRetry stallRetry,
      PoisonAction onPoison,
      ExhaustedAction onExhausted,
      TransformErrors transformErrors,
      PipelineMetrics metrics) {
    this.caller = caller;
    this.stallRetry = stallRetry;
    this.onPoison = onPoison;
    this.onExhausted = onExhausted;
    this.transformErrors = transformErrors;
    this.metrics = metrics;
  }

  /** The parts of {@code batch}; fails only when a stalled batch is abandoned by a stop. */
  Future<List<BatchPart>> resolve(Batch batch) {
    return caller
        .call(batch)
        .transform(
            ar ->
                ar.succeeded()
                    ? written(batch, ar.result())
                    : isolating(ar.cause())
                        ? isolate(batch, ar.cause())
                        : exhausted(batch, ar.cause()));
  }

  /** A stalled batch's attempt: fails when the failure is not isolated, to be stalled again. */
  private Future<List<BatchPart>> attemptStalled(Batch batch) {
    return caller
        .call(batch)
        .transform(
            ar ->
                ar.succeeded()
                    ? written(batch, ar.result())
                    : isolating(ar.cause())
                        ? isolate(batch, ar.cause())
                        : Future.failedFuture(ar.cause()));
  }

  private boolean isolating(Throwable err) {
    return err instanceof DeterministicFailureException && onPoison == PoisonAction.DLQ;
  }

  private static Future<List<BatchPart>> written(Batch batch, List<ResultRecord> results) {
    return Future.succeededFuture(List.of(new BatchPart.Written(batch, results, true)));
  }

  private Future<List<BatchPart>> isolate(Batch batch, Throwable err) {
    if (batch.records().size() == 1) {
      PendingRecord poison = batch.records().get(0);
      LOG.warn(
          "poison record at offset {} of {}/{}: {}",
          poison.source().offset(),
          poison.source().topic(),
          poison.source().partition(),
          err.getMessage());
      metrics.poisonRecord();
      return Future.succeededFuture(
          List.of(
              new BatchPart.DeadLettered(
                  batch.records(), "poison record (fails alone): " + err.getMessage())));
    }
    LOG.info("{} fails deterministically ({}); bisecting", batch.describe(), err.getMessage());
    List<Batch> halves = batch.halves();
    return resolve(halves.get(0))
        .compose(first -> resolve(halves.get(1)).map(second -> concat(first, second)));
  }

  private Future<List<BatchPart>> exhausted(Batch batch, Throwable err) {
    if (onExhausted != ExhaustedAction.STALL) {
      LOG.error(
          "{} failed after all retries ({}); its records go on as --on-exhausted {}",
          batch.describe(),
          err.getMessage(),
          onExhausted.optionValue());
    }
    return switch (onExhausted) {
      case STALL ->
          stallRetry.untilDone(err, () -> attemptStalled(batch), "call of " + batch.describe());
      case DLQ ->
          Future.succeededFuture(
              List.of(
                  new BatchPart.DeadLettered(
                      batch.records(), "retries exhausted: " + err.getMessage())));
      case TRANSFORM_ERROR ->
          Future.succeededFuture(
              List.of(
                  new BatchPart.Written(
                      batch, transformErrors.results(batch, err.getMessage()), false)));
    };
  }

  private static List<BatchPart> concat(List<BatchPart> first, List<BatchPart> second) {
    List<BatchPart> parts = new ArrayList<>(first);
    parts.addAll(second);
    return parts;
  }
}
