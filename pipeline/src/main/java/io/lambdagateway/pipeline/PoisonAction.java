package io.lambdagateway.pipeline;

import java.util.Locale;

/** {@code --on-poison}: what happens to a batch that fails deterministically. */
public enum PoisonAction {
  /** Split it in halves until the failing records are alone; dead-letter those, write the rest. */
  DLQ,
  /**
   * Handle it as a transient failure, by {@link ExhaustedAction}; with the default {@code stall} it
   * is retried until it passes, the behaviour before bisection.
   */
  STALL;

  /** Accepts {@code dlq} and {@code stall}, any case. */
  public static PoisonAction parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
