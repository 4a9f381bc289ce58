package io.lambdagateway.transfer;

import java.util.List;
import java.util.Objects;

/**
 * One record of a response batch. JSON field order follows Transfer's {@code functions.Record}:
 * {@code cdc} (only for {@link Result#OK}), {@code cdc_split} (only for {@link Result#SPLIT}),
 * {@code result}, the echoed envelope fields, then {@code error} (only for {@link
 * Result#PROCESSING_FAILED}). Transfer ignores {@code error}; it is there for people and logs.
 */
public record ResultRecord(
    Result result, ChangeItem cdc, List<ChangeItem> cdcSplit, Envelope envelope, String error) {

  public ResultRecord {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(envelope, "envelope");
    cdcSplit = cdcSplit == null ? null : List.copyOf(cdcSplit);
  }

  public static ResultRecord ok(ChangeItem item, Envelope envelope) {
    return new ResultRecord(Result.OK, Objects.requireNonNull(item), null, envelope, null);
  }

  public static ResultRecord split(List<ChangeItem> items, Envelope envelope) {
    return new ResultRecord(Result.SPLIT, null, items, envelope, null);
  }

  public static ResultRecord dropped(Envelope envelope) {
    return new ResultRecord(Result.DROPPED, null, null, envelope, null);
  }

  public static ResultRecord failed(String error, Envelope envelope) {
    return new ResultRecord(Result.PROCESSING_FAILED, null, null, envelope, error);
  }
}
