package io.lambdagateway.gateway.platform;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;

/**
 * Concurrency slots, handed to calls that may wait for one: a call over the limit waits here, in
 * arrival order, until a slot is released or its wait runs out, and at most {@code capacity} calls
 * wait at once (one more is refused at once). Every slot taken through {@link #tryAcquire} or
 * {@link #acquire} goes back through {@link #release}, which hands it to the first waiting call
 * that may run. Thread-safe.
 *
 * <p>Why function URLs wait instead of getting 429 at once: Transfer's engine resends an empty body
 * on every retry (contract §8), so a throttled first attempt can never succeed.
 */
final class SlotQueue {

  private final Vertx vertx;
  private final ConcurrencyLimiter limiter;
  private final int capacity;
  private final Queue<Waiter> waiting = new ArrayDeque<>();

  SlotQueue(Vertx vertx, ConcurrencyLimiter limiter, int capacity) {
    this.vertx = vertx;
    this.limiter = limiter;
    this.capacity = capacity;
  }

  /** Takes a slot now: null when taken, else the throttle reason. */
  String tryAcquire(HostedFunction fn) {
    return limiter.tryAcquire(fn);
  }

  /**
   * Takes a slot now or once one is released within {@code maxWait}; call on a Vert.x thread (the
   * future completes on its context).
   *
   * @return a future that succeeds holding a slot, or fails with {@link Throttled} when the queue
   *     is full or the wait ran out
   */
  Future<Void> acquire(HostedFunction fn, Duration maxWait) {
    Waiter waiter;
    synchronized (this) {
      // under the lock, so that a release cannot slip between this try and the queueing below
      String reason = limiter.tryAcquire(fn);
      if (reason == null) {
        return Future.succeededFuture();
      }
      if (waiting.size() >= capacity) {
        return Future.failedFuture(new Throttled(reason));
      }
      waiter = new Waiter(fn, reason, vertx.getOrCreateContext());
      waiting.add(waiter);
    }
    waiter.timerId = vertx.setTimer(Math.max(1, maxWait.toMillis()), id -> giveUp(waiter));
    return waiter.granted.future();
  }

  /** Returns a slot, handing it on to a waiting call when one may run. */
  void release(HostedFunction fn) {
    List<Waiter> granted = new ArrayList<>();
    synchronized (this) {
      limiter.release(fn);
      for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
        Waiter next = it.next();
        if (limiter.tryAcquire(next.fn) == null) {
          it.remove();
          granted.add(next);
        }
      }
    }
    for (Waiter waiter : granted) {
      vertx.cancelTimer(waiter.timerId);
      waiter.context.runOnContext(v -> waiter.granted.complete());
    }
  }

  private void giveUp(Waiter waiter) {
    synchronized (this) {
      if (!waiting.remove(waiter)) {
        return;
      }
    }
    waiter.granted.fail(new Throttled(waiter.reason));
  }

  /** One call waiting for a slot. */
  private static final class Waiter {
    final HostedFunction fn;
    final String reason;
    final Context context;
    final Promise<Void> granted = Promise.promise();
    volatile long timerId = -1;

    Waiter(HostedFunction fn, String reason, Context context) {
      this.fn = fn;
      this.reason = reason;
      this.context = context;
    }
  }
}
