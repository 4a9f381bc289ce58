package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Lets at most {@code maxCalls} calls of an invoker run at once; the others wait, in order, and
 * start as running ones finish. Why: the invocation timeout starts when {@link #invoke} reaches the
 * underlying invoker, so a batch waiting for a free connection must wait here, not inside the HTTP
 * client's pool, where the wait would count against its timeout and burn its retries. Not
 * thread-safe: used from the verticle's event loop only.
 */
final class BoundedInvoker implements LambdaInvoker {

  private final LambdaInvoker invoker;
  private final int maxCalls;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  BoundedInvoker(LambdaInvoker invoker, int maxCalls) {
    if (maxCalls <= 0) {
      throw new IllegalArgumentException("maxCalls must be positive: " + maxCalls);
    }
    this.invoker = invoker;
    this.maxCalls = maxCalls;
  }

  @Override
  public Future<byte[]> invoke(RequestBody request) {
    return invoke(() -> request);
  }

  /** Builds the request when the call starts: a batch waiting its turn holds no request body. */
  @Override
  public Future<byte[]> invoke(Supplier<RequestBody> request) {
    Promise<byte[]> answer = Promise.promise();
    waiting.add(
        () ->
            started(request)
                .onComplete(
                    ar -> {
                      running--;
                      startWaiting();
                      answer.handle(ar);
                    }));
    startWaiting();
    return answer.future();
  }

  /**
   * The call, or its failure when the invoker throws instead of failing its future (a closed HTTP
   * client does): either way the call ends, its place is given back and the caller is answered.
   */
  private Future<byte[]> started(Supplier<RequestBody> request) {
    try {
      return invoker.invoke(request.get());
    } catch (Throwable thrown) {
      return Future.failedFuture(thrown);
    }
  }

  /** Calls waiting now (not yet started). */
  int waitingCalls() {
    return waiting.size();
  }

  @Override
  public Future<Void> close() {
    return invoker.close();
  }

  private void startWaiting() {
    while (running < maxCalls && !waiting.isEmpty()) {
      running++;
      waiting.poll().run();
    }
  }
}
