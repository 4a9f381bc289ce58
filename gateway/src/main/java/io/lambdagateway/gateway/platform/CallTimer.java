package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.CallPhases;
import io.lambdagateway.gateway.function.FunctionError;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/**
 * The timeout of one call: fails its answer with {@code Sandbox.Timedout} when the function's
 * timeout has passed in the invoke phase. Armed when the call starts; an init phase reported by the
 * function suspends it, and the invoke phase after it re-arms it for the whole timeout.
 */
final class CallTimer implements CallPhases {

  private final Vertx vertx;
  private final Duration timeout;
  private final Promise<Buffer> answer;
  private long timerId = -1;
  private long armedNanos;
  private boolean done;

  CallTimer(Vertx vertx, Duration timeout, Promise<Buffer> answer) {
    this.vertx = vertx;
    this.timeout = timeout;
    this.answer = answer;
  }

  /** The call starts: its deadline, epoch milliseconds. */
  synchronized long start() {
    arm();
    return System.currentTimeMillis() + timeout.toMillis();
  }

  @Override
  public synchronized void initPhaseStarts() {
    disarm();
  }

  @Override
  public synchronized long invokePhaseStarts() {
    disarm();
    arm();
    return System.currentTimeMillis() + timeout.toMillis();
  }

  /**
   * The call has ended: no timeout any more.
   *
   * @return true when it ended after its deadline: a function that holds its thread past the
   *     deadline (an in-process one on the event loop) keeps the timer from firing, and it must
   *     still count as timed out, whatever it returned
   */
  synchronized boolean stop() {
    boolean overdue = timerId >= 0 && System.nanoTime() - armedNanos >= timeout.toNanos();
    done = true;
    disarm();
    return overdue;
  }

  private void arm() {
    if (!done) {
      armedNanos = System.nanoTime();
      timerId =
          vertx.setTimer(timeout.toMillis(), id -> answer.tryFail(FunctionError.timedOut(timeout)));
    }
  }

  private void disarm() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }
}
