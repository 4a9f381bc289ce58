package io.lambdagateway.consumer;

import java.util.Locale;

/**
 * Where a consumer group starts on a partition for which it has no committed offset (Kafka's {@code
 * auto.offset.reset}); a committed offset always wins.
 */
public enum StartFrom {
  /** The oldest record still in the partition. */
  EARLIEST,
  /** Only records written after the consumer got the partition. */
  LATEST;

  /** Parses {@code latest} or {@code earliest}, in any case. */
  public static StartFrom parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected latest or earliest, got '" + text + "'", e);
    }
  }

  /** The {@code auto.offset.reset} value. */
  String offsetReset() {
    return name().toLowerCase(Locale.ROOT);
  }
}
