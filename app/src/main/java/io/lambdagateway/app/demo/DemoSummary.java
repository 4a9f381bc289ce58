package io.lambdagateway.app.demo;

import java.time.Duration;

/**
 * What a demo run did, from start to stop.
 *
 * @param produced source messages the broker acknowledged
 * @param sourceRecords source records the pipeline read
 * @param enriched enriched records the pipeline wrote to the target topic
 * @param deadLetters records the pipeline sent to the dead-letter topic
 * @param printed target records the consumer printed
 * @param elapsed time from start to the end of stop
 */
public record DemoSummary(
    long produced,
    long sourceRecords,
    long enriched,
    long deadLetters,
    long printed,
    Duration elapsed) {

  /** One human-readable line. */
  public String summaryLine() {
    return String.format(
        "demo stopped after %.1f s: produced %d messages, pipeline read %d and"
            + " wrote %d enriched records (%d dead letters), consumer printed %d records",
        elapsed.toNanos() / 1e9, produced, sourceRecords, enriched, deadLetters, printed);
  }
}
