package io.lambdagateway.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs CPU work whose cost grows with a payload: inline on the event loop when the payload is
 * small, on a worker when it is large, so that scanning a 6 MB JSON never stalls the other
 * connections of an event loop while small calls skip the thread hop.
 */
public final class CpuWork {

  /** Above this many bytes, JSON scanning and mapping leave the event loop. */
  public static final int INLINE_LIMIT_BYTES = 256 * 1024;

  private CpuWork() {}

  public static <T> Future<T> run(Vertx vertx, int payloadBytes, Callable<T> work) {
    if (payloadBytes > INLINE_LIMIT_BYTES) {
      return vertx.executeBlocking(work, false);
    }
    try {
      return Future.succeededFuture(work.call());
    } catch (Throwable failed) {
      return Future.failedFuture(failed);
    }
  }
}
