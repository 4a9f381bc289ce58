package io.lambdagateway.gateway.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts invocations in flight, over all functions and per function, and refuses one past the
 * limits the way Lambda throttles: the account-wide limit, then a function's reserved concurrency.
 * Thread-safe (shared by every event loop).
 */
public final class ConcurrencyLimiter {

  public static final String ACCOUNT_LIMIT = "ConcurrentInvocationLimitExceeded";
  public static final String RESERVED_LIMIT = "ReservedFunctionConcurrentInvocationLimitExceeded";

  private final int maxConcurrency;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, AtomicInteger> perFunction = new ConcurrentHashMap<>();

  public ConcurrencyLimiter(int maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  /**
   * Takes a slot for one call of {@code fn}.
   *
   * @return null when taken (call {@link #release} later), else the throttle {@code Reason}
   */
  String tryAcquire(HostedFunction fn) {
    AtomicInteger own = perFunction.computeIfAbsent(fn.name(), n -> new AtomicInteger());
    if (fn.reservedConcurrency().isPresent()
        && own.incrementAndGet() > fn.reservedConcurrency().getAsInt()) {
      own.decrementAndGet();
      return RESERVED_LIMIT;
    }
    if (total.incrementAndGet() > maxConcurrency) {
      total.decrementAndGet();
      if (fn.reservedConcurrency().isPresent()) {
        own.decrementAndGet();
      }
      return ACCOUNT_LIMIT;
    }
    return null;
  }

  void release(HostedFunction fn) {
    total.decrementAndGet();
    if (fn.reservedConcurrency().isPresent()) {
      perFunction.get(fn.name()).decrementAndGet();
    }
  }

  /** Invocations that may run at once, over all functions. */
  public int limit() {
    return maxConcurrency;
  }

  /** Invocations running now, over all functions. */
  public int inFlight() {
    return total.get();
  }
}
