package io.lambdagateway.gateway.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded queue behind {@code X-Amz-Invocation-Type: Event}: accepted calls wait here and run
 * in the background, at most {@code concurrency} at a time. When {@code capacity} calls are
 * waiting, {@link #offer} refuses, and the caller answers 429.
 *
 * <p>A call that fails (function error or throttle) is retried after each of the retry delays, like
 * Lambda's two retries of an asynchronous invocation, then dropped with a warning. A call keeps its
 * running slot while it waits to be retried. Queued calls live in memory only: a stopped gateway
 * loses them (AWS keeps them for up to 6 hours). Thread-safe.
 */
public final class EventQueue {

  /** Lambda retries twice; we wait 1 s, then 2 s (AWS waits minutes). */
  public static final List<Duration> LAMBDA_RETRY_DELAYS =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));

  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final Vertx vertx;
  private final Invoker invoker;
  private final int capacity;
  private final int concurrency;
  private final List<Duration> retryDelays;
  private final Queue<Supplier<Future<Void>>> waiting = new ArrayDeque<>();
  private int running;

  /**
   * @param capacity calls waiting to run, at most
   * @param concurrency calls running at once
   * @param retryDelays the wait before each retry of a failed call; its size is the retry count
   */
  public EventQueue(
      Vertx vertx, Invoker invoker, int capacity, int concurrency, List<Duration> retryDelays) {
    this.vertx = vertx;
    this.invoker = invoker;
    this.capacity = capacity;
    this.concurrency = concurrency;
    this.retryDelays = List.copyOf(retryDelays);
  }

  /**
   * Queues one Event invocation of {@code fn}; call on a Vert.x thread (the call starts on the
   * calling thread when a slot is free).
   *
   * @return false when the queue is full
   */
  public boolean offer(HostedFunction fn, Buffer event, String requestId) {
    synchronized (this) {
      if (waiting.size() >= capacity) {
        return false;
      }
      waiting.add(() -> attempt(fn, event, requestId, 0));
    }
    pump();
    return true;
  }

  /** Calls queued or running, for the health check. */
  public synchronized int size() {
    return waiting.size() + running;
  }

  private Future<Void> attempt(HostedFunction fn, Buffer event, String requestId, int retries) {
    return invoker
        .invoke(fn, event, requestId, "event")
        .transform(
            result -> {
              boolean ok = result.succeeded() && !result.result().failed();
              if (ok) {
                return Future.succeededFuture();
              }
              if (retries >= retryDelays.size()) {
                LOG.warn(
                    "Event invocation {} of {} failed after {} attempts; dropped",
                    requestId,
                    fn.name(),
                    retries + 1);
                return Future.succeededFuture();
              }
              return vertx
                  .timer(retryDelays.get(retries).toMillis())
                  .compose(waited -> attempt(fn, event, requestId, retries + 1));
            });
  }

  private void pump() {
    Supplier<Future<Void>> next;
    synchronized (this) {
      if (running >= concurrency || waiting.isEmpty()) {
        return;
      }
      next = waiting.poll();
      running++;
    }
    Future<Void> call;
    try {
      call = next.get();
    } catch (Throwable failedToStart) {
      // an Error too: the call's running place must come back whatever happened
      call = Future.failedFuture(failedToStart);
    }
    call.onComplete(
        done -> {
          synchronized (this) {
            running--;
          }
          pump();
        });
    pump();
  }
}
