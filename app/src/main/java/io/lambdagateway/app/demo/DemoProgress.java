package io.lambdagateway.app.demo;

import java.util.Locale;

/**
 * Where a running demo stands, for its periodic status line.
 *
 * @param produced source messages the broker acknowledged
 * @param enriched enriched records the pipeline wrote to the target topic
 * @param lag source records not yet read by the pipeline (its consumer lag)
 * @param atNanos when this was measured ({@link System#nanoTime()})
 */
record DemoProgress(long produced, long enriched, long lag, long atNanos) {

  /** Nothing done yet, at {@code atNanos}: the baseline of the first status line. */
  static DemoProgress start(long atNanos) {
    return new DemoProgress(0, 0, 0, atNanos);
  }

  /**
   * {@code produced 120 messages, enriched 6012 records (1203.4 rows/s), lag 0}, the rate being the
   * enriched records per second since {@code previous}.
   */
  String statusLine(DemoProgress previous) {
    double seconds = Math.max(1e-9, (atNanos - previous.atNanos) / 1e9);
    double rowsPerSecond = Math.max(0, enriched - previous.enriched) / seconds;
    return String.format(
        Locale.ROOT,
        "produced %d messages, enriched %d records (%.1f rows/s), lag %d",
        produced,
        enriched,
        rowsPerSecond,
        lag);
  }
}
