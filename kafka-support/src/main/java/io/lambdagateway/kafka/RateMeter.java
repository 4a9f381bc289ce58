package io.lambdagateway.kafka;

import java.time.Duration;

/**
 * Measures a growing counter for progress lines: the rate since the previous line and the time
 * since the start. Not thread-safe: use it from one context.
 */
public final class RateMeter {

  private final long startNanos;
  private long lastNanos;
  private long lastCount;

  /** A meter started at {@code startNanos} ({@link System#nanoTime()} scale). */
  public RateMeter(long startNanos) {
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  /** Per-second rate of {@code count} since the previous call (or the start). */
  public double rateSinceLast(long count, long nowNanos) {
    double seconds = (nowNanos - lastNanos) / 1e9;
    double rate = seconds > 0 ? (count - lastCount) / seconds : 0;
    lastNanos = nowNanos;
    lastCount = count;
    return rate;
  }

  /** Time from the start to {@code nowNanos}. */
  public Duration elapsed(long nowNanos) {
    return Duration.ofNanos(nowNanos - startNanos);
  }
}
