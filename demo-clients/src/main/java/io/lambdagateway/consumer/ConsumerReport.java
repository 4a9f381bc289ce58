package io.lambdagateway.consumer;

import java.time.Duration;

/**
 * The outcome of a target-consumer run.
 *
 * @param records records received
 * @param elapsed time from subscription to the report
 */
public record ConsumerReport(long records, Duration elapsed) {

  /** One human-readable summary line. */
  public String summaryLine() {
    double seconds = elapsed.toNanos() / 1e9;
    return String.format(
        "consumed %d records in %.1f s (%.1f records/s)",
        records, seconds, seconds > 0 ? records / seconds : 0);
  }
}
