package io.lambdagateway.producer;

/**
 * Spreads sends evenly at a fixed rate: message {@code n} (0-based) is due {@code n / rate} seconds
 * after the start. Falling behind is caught up without a burst limit, so the average rate over the
 * run stays at the target. A rate of 0 means every message is due at once.
 */
final class SendPacer {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double rate;
  private final long startNanos;

  SendPacer(double messagesPerSecond, long startNanos) {
    this.rate = messagesPerSecond;
    this.startNanos = startNanos;
  }

  /** Nanoseconds from {@code nowNanos} until message number {@code sent} is due; 0 when due. */
  long delayNanos(long sent, long nowNanos) {
    if (rate == 0) {
      return 0;
    }
    long due = startNanos + (long) (sent * NANOS_PER_SECOND / rate);
    return Math.max(0, due - nowNanos);
  }
}
