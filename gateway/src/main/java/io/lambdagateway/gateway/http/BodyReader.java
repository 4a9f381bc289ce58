package io.lambdagateway.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body into memory with a hard size limit.
 *
 * <p>Past the limit nothing more is kept. The rest of a moderately oversize body is read and
 * discarded, so that the client (which is usually still writing) can read the 413; a body whose
 * declared or received size passes {@link #drainCap(long)} is refused at once and the caller must
 * close the connection. {@link #read} must be called before the request handler returns, while the
 * request is not ended; {@link #refuse} is the one answer every route gives to its failure.
 */
public final class BodyReader {

  /** The failure of a body over the limit. */
  public static final class TooLarge extends RuntimeException {
    private final long length;
    private final boolean drained;

    TooLarge(long length, long limit, boolean drained) {
      super(length + " bytes over the limit of " + limit, null, false, false);
      this.length = length;
      this.drained = drained;
    }

    /** The declared length, else the bytes received. */
    public long length() {
      return length;
    }

    /** True when the whole body was read, so the connection can stay open. */
    public boolean drained() {
      return drained;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);

  private BodyReader() {}

  /** The whole body, or a failed future with {@link TooLarge} or the connection's error. */
  public static Future<Buffer> read(HttpServerRequest request, long limit) {
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

  /**
   * Answers a failed {@link #read}. A body over the limit gets {@code reply413}'s answer (given the
   * declared or received length; it sets the 413 and ends the response); when the body was not read
   * to its end, with {@code Connection: close}, and the connection is closed once the answer is
   * sent, since the rest of the upload is never read. Any other failure means the connection broke:
   * it is closed without an answer.
   */
  public static void refuse(
      HttpServerRequest request, Throwable failure, LongFunction<Future<Void>> reply413) {
    if (!(failure instanceof TooLarge tooLarge)) {
      LOG.debug("request body could not be read", failure);
      request.connection().close();
      return;
    }
    if (tooLarge.drained()) {
      reply413.apply(tooLarge.length());
      return;
    }
    request.response().putHeader("Connection", "close");
    reply413.apply(tooLarge.length()).onComplete(sent -> request.connection().close());
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
