package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a step (a function call or a write) that still fails after its own retries:
 * nothing is skipped, the step runs again with capped {@link Backoff back-off} until it succeeds.
 * From the first failure until the success the step counts as stalled ({@link Stalls}), which
 * pauses consumption. After {@link #stop()} no further attempt starts and the step fails with its
 * last error. Not thread-safe: use from one context.
 */
final class StallRetry {

  private static final Logger LOG = LoggerFactory.getLogger(StallRetry.class);

  /** Told when a step becomes stalled and when a stalled step ends (success or stop). */
  interface Stalls {
    void started();

    void ended();
  }

  /** Waits before an attempt; in the pipeline a Vert.x timer. */
  @FunctionalInterface
  interface Delay {
    Future<Void> after(long delayMs);
  }

  private final Backoff backoff;
  private final DoubleSupplier random;
  private final Delay delay;
  private final Stalls stalls;
  private boolean stopping;

  /**
   * @param random yields [0, 1) for the back-off's jitter
   */
  StallRetry(Backoff backoff, DoubleSupplier random, Delay delay, Stalls stalls) {
    this.backoff = backoff;
    this.random = random;
    this.delay = delay;
    this.stalls = stalls;
  }

  /** No attempt starts after this; stalled steps fail with their last error. */
  void stop() {
    stopping = true;
  }

  /**
   * After {@code step} failed with {@code err}: runs it again until it succeeds.
   *
   * @param what names the step in log lines
   */
  <T> Future<T> untilDone(Throwable err, Supplier<Future<T>> step, String what) {
    return attempt(step, what, err, 1)
        .onSuccess(v -> LOG.info("{} succeeded after being stalled", what));
  }

  private <T> Future<T> attempt(Supplier<Future<T>> step, String what, Throwable err, int attempt) {
    if (stopping) {
      return leaveStall(attempt, Future.failedFuture(err));
    }
    if (attempt == 1) {
      stalls.started();
    }
    long delayMs = backoff.delayMs(attempt, random);
    LOG.error(
        "{} failed after all retries ({}); consumption paused, attempt {} in {} ms",
        what,
        err.getMessage(),
        attempt + 1,
        delayMs);
    return delay
        .after(delayMs)
        .compose(v -> stopping ? Future.<T>failedFuture(err) : step.get())
        .transform(
            ar ->
                ar.succeeded()
                    ? leaveStall(attempt + 1, Future.succeededFuture(ar.result()))
                    : attempt(step, what, ar.cause(), attempt + 1));
  }

  private <T> Future<T> leaveStall(int attempt, Future<T> outcome) {
    if (attempt > 1) {
      stalls.ended();
    }
    return outcome;
  }
}
