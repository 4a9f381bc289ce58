package io.lambdagateway.gateway;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * The bounded queue behind {@code X-Amz-Invocation-Type: Event}: accepted calls wait here and run
 * in the background, at most {@code concurrency} at a time. When {@code capacity} calls are
 * waiting, {@link #offer} refuses, and the caller answers 429. Queued calls live in memory only:
 * a stopped gateway loses them (AWS keeps them for up to 6 hours). Thread-safe.
 */
final class EventQueue {

  private final int capacity;
  private final int concurrency;
  private final Queue<Supplier<Future<?>>> waiting = new ArrayDeque<>();
  private int running;

  EventQueue(int capacity, int concurrency) {
    this.capacity = capacity;
    this.concurrency = concurrency;
  }

  /**
   * Queues a task; call on a Vert.x thread (the task starts on the calling thread when a slot
   * is free).
   *
   * @return false when the queue is full
   */
  boolean offer(Supplier<Future<?>> task) {
    synchronized (this) {
      if (waiting.size() >= capacity) {
        return false;
      }
      waiting.add(task);
    }
    pump();
    return true;
  }

  /** Calls queued or running, for the health check. */
  synchronized int size() {
    return waiting.size() + running;
  }

  private void pump() {
    Supplier<Future<?>> next;
    synchronized (this) {
      if (running >= concurrency || waiting.isEmpty()) {
        return;
      }
      next = waiting.poll();
      running++;
    }
    Future<?> task;
    try {
      task = next.get();
    } catch (RuntimeException failedToStart) {
      task = Future.failedFuture(failedToStart);
    }
    task.onComplete(done -> {
      synchronized (this) {
        running--;
      }
      pump();
    });
    pump();
  }
}
