package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One synchronous call of the function with a request body; the future holds the response body. It
 * fails with {@link InvocationException} on a transport error, a timeout, a non-2xx status or a
 * function error; checking the body is the caller's job ({@link TransferResponses}). An invoker
 * does not retry ({@link BatchCaller} does). Implementations complete on the Vert.x context that
 * created them.
 */
public interface LambdaInvoker {

  /** Calls the function once. */
  Future<byte[]> invoke(RequestBody request);

  /** Calls the function once with a request of one array. */
  default Future<byte[]> invoke(byte[] request) {
    return invoke(RequestBody.of(request));
  }

  /**
   * Calls the function once with the request {@code request} builds when the call starts: an
   * invoker that makes calls wait ({@link BoundedInvoker}) keeps no request body for a waiting one.
   */
  default Future<byte[]> invoke(Supplier<RequestBody> request) {
    return invoke(request.get());
  }

  /** Releases the client. */
  Future<Void> close();
}
