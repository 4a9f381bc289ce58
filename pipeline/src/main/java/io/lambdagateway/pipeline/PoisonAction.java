package io.lambdagateway.pipeline;

import java.util.Locale;

/** {@code --on-poison}: what happens to a batch that fails deterministically. */
public enum PoisonAction {
  /** Split it in halves until the failing records are alone; dead-letter those, write the rest. */
  DLQ,
  /**
   * Retry it until it passes, as if the failure were transient (the behaviour before bisection).
   */
  STALL;

  /** Accepts {@code dlq} and {@code stall}, any case. */
  public static PoisonAction parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
