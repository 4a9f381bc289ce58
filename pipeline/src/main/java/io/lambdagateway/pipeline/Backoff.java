package io.lambdagateway.pipeline;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with "equal jitter": before retry {@code n} (1-based) the ceiling is {@code
 * min(max, initial * 2^(n-1))} and the delay is uniform in {@code [ceiling/2, ceiling]}, so retries
 * of parallel batches spread out but never come back immediately.
 *
 * @param initial the ceiling before the first retry
 * @param max the largest ceiling
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("back-off needs 0 < initial <= max");
    }
  }

  /** The ceiling before retry {@code retry} (1-based), in ms. */
  public long ceilingMs(int retry) {
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    long ceiling = initial.toMillis() << doublings;
    return Math.min(ceiling, max.toMillis());
  }

  /** The delay before retry {@code retry} (1-based), in ms; {@code random} yields [0, 1). */
  public long delayMs(int retry, DoubleSupplier random) {
    long ceiling = ceilingMs(retry);
    long half = ceiling / 2;
    return half + (long) (random.getAsDouble() * (ceiling - half));
  }
}
