package io.lambdagateway.pipeline;

import java.util.Locale;

/** {@code --on-exhausted}: what happens to a batch whose retries of a transient failure ran out. */
public enum ExhaustedAction {
  /** Retry it with the stall back-off until it passes; consumption pauses meanwhile. */
  STALL,
  /** Dead-letter each of its records with the last error. */
  DLQ,
  /**
   * Write its input items to the target with an added {@code __transform_error} column, as the
   * engine does (contract §8, "After the retries").
   */
  TRANSFORM_ERROR;

  /** Accepts {@code stall}, {@code dlq} and {@code transform-error}, any case. */
  public static ExhaustedAction parse(String value) {
    return valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
  }

  /** The name on the command line. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
