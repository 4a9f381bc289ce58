package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.ResultRecord;
import io.lambdagateway.transfer.TableSchema;
import java.util.List;

/**
 * Reads a function's response {@code {"Records":[RESULT, ...]}} with the contract's codec ({@link
 * BatchJson#readResponseKeepingText}: string values stay spans of the body until the target
 * serializer copies them) and holds it to the request (contract §3): exactly one result per request
 * record, in order; a result that names an eventID must name the request's. The codec reads {@code
 * cdc_splitted} (the public example function's spelling) as {@code cdc_split} and keeps numbers
 * exact. Any deviation throws {@link InvalidResponseException}, which fails the whole batch.
 * Thread-safe.
 */
public final class TransferResponses {

  private TransferResponses() {}

  /** The results of a batch whose records have these event ids, in order. */
  public static List<ResultRecord> read(byte[] body, List<String> requestEventIds) {
    List<ResultRecord> results = records(body);
    if (results.size() != requestEventIds.size()) {
      throw new InvalidResponseException(
          "the function returned "
              + results.size()
              + " results for "
              + requestEventIds.size()
              + " records");
    }
    for (int i = 0; i < results.size(); i++) {
      String echoed = results.get(i).envelope().eventId();
      if (echoed != null && !echoed.isEmpty() && !echoed.equals(requestEventIds.get(i))) {
        throw new InvalidResponseException(
            "result " + i + " answers eventID " + echoed + " instead of " + requestEventIds.get(i));
      }
    }
    return results;
  }

  /**
   * Checks the answer to the empty-batch schema probe: any valid response; returns the table schema
   * of the first result's first item ({@code cdc}, else the head of its split list) that has one,
   * or null when there is none.
   */
  public static TableSchema readProbe(byte[] body) {
    for (ResultRecord result : records(body)) {
      ChangeItem first =
          result.cdc() != null
              ? result.cdc()
              : result.cdcSplit() == null || result.cdcSplit().isEmpty()
                  ? null
                  : result.cdcSplit().get(0);
      if (first != null && !first.tableSchema().isEmpty()) {
        return first.tableSchema();
      }
    }
    return null;
  }

  /** The output items of a result: one for {@code Ok}, 0..n for {@code Split}, else none. */
  public static List<ChangeItem> items(ResultRecord result) {
    return switch (result.result()) {
      case OK -> List.of(result.cdc());
      case SPLIT -> result.cdcSplit();
      case DROPPED, PROCESSING_FAILED -> List.of();
    };
  }

  private static List<ResultRecord> records(byte[] body) {
    try {
      return BatchJson.readResponseKeepingText(body);
    } catch (MalformedBatchException e) {
      throw new InvalidResponseException(
          "the function's response is invalid: " + e.getMessage(), e);
    }
  }
}
