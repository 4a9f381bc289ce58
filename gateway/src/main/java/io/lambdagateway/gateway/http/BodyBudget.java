package io.lambdagateway.gateway.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway-wide budget of request-body bytes held in memory. Each request takes its bytes as
 * they arrive and gives them all back when its exchange ends, however it ends, so that many large
 * or slow uploads together cannot exhaust the heap. Thread-safe: every event loop shares one.
 */
public final class BodyBudget {

  private final long capacity;
  private final AtomicLong used = new AtomicLong();

  public BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} if they fit; false (and nothing taken) when they would pass the budget. */
  boolean tryTake(long bytes) {
    long before;
    do {
      before = used.get();
      if (before + bytes > capacity) {
        return false;
      }
    } while (!used.compareAndSet(before, before + bytes));
    return true;
  }

  void giveBack(long bytes) {
    used.addAndGet(-bytes);
  }

  /** Bytes held now. */
  public long used() {
    return used.get();
  }

  public long capacity() {
    return capacity;
  }
}
