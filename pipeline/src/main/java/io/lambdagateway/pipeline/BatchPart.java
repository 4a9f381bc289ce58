package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.ResultRecord;
import java.util.List;

/** What became of consecutive records of a batch; a batch resolves to parts in record order. */
sealed interface BatchPart {

  /**
   * Results to write, one per record of {@code batch}.
   *
   * @param fromFunction false for rows the pipeline made itself ({@code __transform_error} rows),
   *     which do not count as function results
   */
  record Written(Batch batch, List<ResultRecord> results, boolean fromFunction)
      implements BatchPart {}

  /** Records to dead-letter, each with {@code reason} in its {@code error} header. */
  record DeadLettered(List<PendingRecord> records, String reason) implements BatchPart {}
}
