package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stall-and-retry policy with a manual clock: each delay completes when the test says so. */
class StallRetryTest {

  private final List<Long> delays = new ArrayList<>();
  private final List<Promise<Void>> timers = new ArrayList<>();
  private final List<String> stalls = new ArrayList<>();
  private final StallRetry retry =
      new StallRetry(
          new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)),
          () -> 0.0,
          delayMs -> {
            delays.add(delayMs);
            Promise<Void> timer = Promise.promise();
            timers.add(timer);
            return timer.future();
          },
          new StallRetry.Stalls() {
            @Override
            public void started() {
              stalls.add("started");
            }

            @Override
            public void ended() {
              stalls.add("ended");
            }
          });

  /** A step that fails {@code failures} times, then answers its attempt number. */
  private static Supplier<Future<Integer>> failing(int failures, AtomicInteger attempts) {
    return () -> {
      int attempt = attempts.incrementAndGet();
      return attempt <= failures
          ? Future.failedFuture(new IllegalStateException("failure " + attempt))
          : Future.succeededFuture(attempt);
    };
  }

  private void tick() {
    timers.get(timers.size() - 1).complete();
  }

  @Test
  @DisplayName(
      "A failed step runs again after capped back-off until it succeeds, stalled meanwhile")
  void untilSuccess() {
    AtomicInteger attempts = new AtomicInteger();
    Future<Integer> result =
        retry.untilDone(new IllegalStateException("first"), failing(3, attempts), "step");

    assertThat(stalls).containsExactly("started");
    assertThat(attempts).hasValue(0);
    tick();
    tick();
    tick();
    assertThat(result.isComplete()).isFalse();
    tick();

    assertThat(result.result()).isEqualTo(4);
    assertThat(delays).containsExactly(50L, 100L, 200L, 200L);
    assertThat(stalls).containsExactly("started", "ended");
  }

  @Test
  @DisplayName("Nothing is attempted while waiting: the step only runs when its delay is over")
  void waitsForDelay() {
    AtomicInteger attempts = new AtomicInteger();
    retry.untilDone(new IllegalStateException("first"), failing(0, attempts), "step");

    assertThat(attempts).hasValue(0);
    tick();
    assertThat(attempts).hasValue(1);
  }

  @Test
  @DisplayName("A stop ends the stall: the pending attempt does not run and the last error is kept")
  void stopWhileStalled() {
    AtomicInteger attempts = new AtomicInteger();
    Future<Integer> result =
        retry.untilDone(new IllegalStateException("first"), failing(10, attempts), "step");
    tick();
    retry.stop();
    tick();

    assertThat(attempts).hasValue(1);
    assertThat(result.failed()).isTrue();
    assertThat(result.cause()).hasMessage("failure 1");
    assertThat(stalls).containsExactly("started", "ended");
  }

  @Test
  @DisplayName("After a stop a failed step fails at once and never counts as stalled")
  void stoppedBefore() {
    retry.stop();
    Future<Integer> result =
        retry.untilDone(
            new IllegalStateException("first"), failing(0, new AtomicInteger()), "step");

    assertThat(result.cause()).hasMessage("first");
    assertThat(stalls).isEmpty();
    assertThat(delays).isEmpty();
  }
}
