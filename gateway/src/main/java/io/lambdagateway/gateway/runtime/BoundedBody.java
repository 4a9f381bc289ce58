package io.lambdagateway.gateway.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a Runtime API request body, keeping at most a limit: the buffer grows with what arrives
 * (never sized from {@code Content-Length}), and past the limit the rest is read and discarded so
 * the runtime, still writing, gets its 413. Only the gateway's own runtime process can reach the
 * listener, so discarding to the end is safe.
 */
final class BoundedBody {

  /**
   * A body as received.
   *
   * @param bytes the body, or null when it was over the limit
   */
  record Received(Buffer bytes) {
    boolean tooLarge() {
      return bytes == null;
    }
  }

  private BoundedBody() {}

  /** Call from the request handler before it returns; fails only when the connection breaks. */
  static Future<Received> read(HttpServerRequest request, int limit) {
    if (request.isEnded()) {
      return Future.succeededFuture(new Received(Buffer.buffer()));
    }
    Promise<Received> done = Promise.promise();
    Buffer[] body = {Buffer.buffer()};
    long[] received = {0};
    request.handler(
        chunk -> {
          received[0] += chunk.length();
          if (received[0] > limit) {
            body[0] = null;
          } else {
            body[0].appendBuffer(chunk);
          }
        });
    request.endHandler(v -> done.tryComplete(new Received(body[0])));
    request.exceptionHandler(done::tryFail);
    return done.future();
  }
}
