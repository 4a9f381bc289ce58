package io.lambdagateway.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body into memory with a hard size limit.
 *
 * <p>Past the limit nothing more is kept. The rest of a moderately oversize body is read and
 * discarded, so that the client (which is usually still writing) can read the 413; a body whose
 * declared or received size passes {@link #drainCap(long)} is refused at once and the caller must
 * close the connection. Must be called before the request handler returns, while the request is
 * not ended.
 */
final class BodyReader {

  /** The failure of a body over the limit. */
  static final class TooLarge extends RuntimeException {
    private final long length;
    private final boolean drained;

    TooLarge(long length, long limit, boolean drained) {
      super(length + " bytes over the limit of " + limit, null, false, false);
      this.length = length;
      this.drained = drained;
    }

    /** The declared length, else the bytes received. */
    long length() {
      return length;
    }

    /** True when the whole body was read, so the connection can stay open. */
    boolean drained() {
      return drained;
    }
  }

  private BodyReader() {
  }

  /** The whole body, or a failed future with {@link TooLarge} or the connection's error. */
  static Future<Buffer> read(HttpServerRequest request, long limit) {
    long declared = declaredLength(request);
    if (declared > drainCap(limit)) {
      return Future.failedFuture(new TooLarge(declared, limit, false));
    }
    if (request.isEnded()) {
      return Future.succeededFuture(Buffer.buffer());
    }
    Collector collector = new Collector(limit, declared);
    request.handler(collector);
    request.endHandler(v -> collector.end());
    request.exceptionHandler(collector.done::tryFail);
    request.resume();
    return collector.done.future();
  }

  /** How much of an oversize body is still read (and discarded) to answer it cleanly. */
  static long drainCap(long limit) {
    return Math.min(limit, 1L << 40) * 2 + 1024 * 1024;
  }

  private static long declaredLength(HttpServerRequest request) {
    String header = request.getHeader("Content-Length");
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException malformed) {
      return -1;
    }
  }

  /** Accumulates chunks until the limit, then only counts them. */
  private static final class Collector implements Handler<Buffer> {
    final Promise<Buffer> done = Promise.promise();
    private final long limit;
    private final long declared;
    private Buffer body;
    private long received;

    Collector(long limit, long declared) {
      this.limit = limit;
      this.declared = declared;
      this.body = Buffer.buffer((int) Math.max(Math.min(declared, limit), 256));
    }

    @Override
    public void handle(Buffer chunk) {
      received += chunk.length();
      if (received > limit) {
        body = null;
        if (received > drainCap(limit)) {
          done.tryFail(new TooLarge(received, limit, false));
        }
      } else {
        body.appendBuffer(chunk);
      }
    }

    void end() {
      if (body == null) {
        done.tryFail(new TooLarge(Math.max(declared, received), limit, true));
      } else {
        done.tryComplete(body);
      }
    }
  }
}
