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

  /** The call has ended: no timeout any more. */
  synchronized void stop() {
    done = true;
    disarm();
  }

  private void arm() {
    if (!done) {
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
