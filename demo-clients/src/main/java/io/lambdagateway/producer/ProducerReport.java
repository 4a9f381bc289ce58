package io.lambdagateway.producer;

import java.time.Duration;

/**
 * The outcome of a producer run.
 *
 * @param acknowledged messages the broker acknowledged (acks=all)
 * @param failed messages whose send finally failed
 * @param maxInFlight the highest number of unacknowledged sends seen at once
 * @param elapsed time from the first send to the report
 */
public record ProducerReport(long acknowledged, long failed, int maxInFlight, Duration elapsed) {

  /** Acknowledged messages per second over the whole run. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? acknowledged / seconds : 0;
  }

  /** One human-readable summary line. */
  public String summaryLine() {
    return String.format(
        "produced %d messages, %d errors in %.1f s (%.1f msg/s, max %d in flight)",
        acknowledged, failed, elapsed.toNanos() / 1e9, rate(), maxInFlight);
  }
}
