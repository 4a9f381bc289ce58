package io.lambdagateway.gateway.http;

import io.lambdagateway.gateway.HttpLimits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body into memory with a hard size limit, within the gateway-wide {@link
 * BodyBudget} and at a minimum upload rate.
 *
 * <p>A body sent with {@code Content-Encoding: gzip} or {@code deflate} is inflated here (off the
 * event loop, never past the limit); one that does not inflate is a 400. Memory grows with the
 * bytes that arrive, never with a declared {@code Content-Length}. Every byte held is taken from
 * the budget and given back when the exchange ends (response sent, connection closed or reset).
 * Past the limit nothing more is kept. The rest of a moderately oversize body is read and
 * discarded, so that the client (which is usually still writing) can read the 413; a body whose
 * declared or received size passes {@link #drainCap(long)} is refused at once and the caller must
 * close the connection. {@link #read} must be called before the request handler returns, while the
 * request is not ended; {@link #refuse} is the one answer every route gives to its failure.
 */
public final class BodyReader {

  /** The {@code Reason} of the 429 for a body that would pass the budget. */
  public static final String BUDGET_REASON = "ConcurrentRequestBytesLimitExceeded";

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

  private final Vertx vertx;
  private final BodyBudget budget;
  private final long minBytesPerWindow;
  private final long windowMillis;
  private final ClientErrorLog clientErrors;

  public BodyReader(
      Vertx vertx, BodyBudget budget, HttpLimits limits, ClientErrorLog clientErrors) {
    this.vertx = vertx;
    this.budget = budget;
    this.windowMillis = limits.bodyRateWindow().toMillis();
    this.minBytesPerWindow = limits.minBodyRate() * windowMillis / 1000;
    this.clientErrors = clientErrors;
  }

  /**
   * The whole body, or a failed future with {@link TooLarge}, a {@link ServiceError} (over the
   * budget, too slow, undecodable) or the connection's error.
   */
  public Future<Buffer> read(RoutingContext ctx, long limit) {
    return read(
        ctx.request(),
        limit,
        ctx.request().getHeader("Content-Encoding"),
        collector -> ctx.addEndHandler(ended -> collector.exchangeOver()));
  }

  /**
   * The body as it came over the wire (never inflated), for a reader in front of the router that
   * hands the bytes on to a route, which reads them again: they leave the budget as soon as this
   * read completes, since the route's own read takes them again.
   */
  public Future<Buffer> readRaw(HttpServerRequest request, long limit) {
    return read(
        request,
        limit,
        null,
        collector -> collector.done.future().onComplete(read -> collector.exchangeOver()));
  }

  private Future<Buffer> read(
      HttpServerRequest request, long limit, String encoding, Consumer<Collector> untilOver) {
    long declared = declaredLength(request);
    if (declared > drainCap(limit)) {
      return Future.failedFuture(new TooLarge(declared, limit, false));
    }
    if (request.isEnded()) {
      return Future.succeededFuture(Buffer.buffer());
    }
    Collector collector = new Collector(limit, declared, encoding);
    untilOver.accept(collector);
    if (minBytesPerWindow > 0) {
      long timer = vertx.setPeriodic(windowMillis, id -> collector.checkRate());
      collector.done.future().onComplete(read -> vertx.cancelTimer(timer));
    }
    request.handler(collector);
    request.endHandler(v -> collector.end());
    request.exceptionHandler(collector.done::tryFail);
    request.resume();
    return collector.done.future();
  }

  /**
   * Answers a failed {@link #read}. A body over the limit gets {@code reply413}'s answer (given the
   * declared or received length; it sets the 413 and ends the response); a {@link ServiceError}
   * gets {@code replyError}'s. Unless the body was read to its end, the answer carries {@code
   * Connection: close} and the connection is closed once it is sent, since the rest of the upload
   * is never read. Any other failure means the connection broke: it is closed without an answer.
   */
  public void refuse(
      HttpServerRequest request,
      Throwable failure,
      LongFunction<Future<Void>> reply413,
      Function<ServiceError, Future<Void>> replyError) {
    if (failure instanceof TooLarge tooLarge) {
      if (tooLarge.drained()) {
        reply413.apply(tooLarge.length());
        return;
      }
      request.response().putHeader("Connection", "close");
      reply413.apply(tooLarge.length()).onComplete(sent -> request.connection().close());
    } else if (failure instanceof ServiceError error) {
      clientErrors.log(
          error.code()
              + (error.reason() == null ? "" : " (" + error.reason() + ")")
              + ": "
              + error.getMessage(),
          request.remoteAddress().hostAddress());
      request.response().putHeader("Connection", "close");
      if (error.retryAfterSeconds() > 0) {
        request.response().putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
      }
      replyError.apply(error).onComplete(sent -> request.connection().close());
    } else {
      LOG.debug("request body could not be read", failure);
      request.connection().close();
    }
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
  private final class Collector implements Handler<Buffer> {
    final Promise<Buffer> done = Promise.promise();
    private final long limit;
    private final long declared;
    private final String encoding;

    private BodyChunks body = new BodyChunks();
    private long received;
    private long receivedInWindow;
    private long held;
    private boolean exchangeOver;

    Collector(long limit, long declared, String encoding) {
      this.limit = limit;
      this.declared = declared;
      this.encoding = encoding;
    }

    @Override
    public void handle(Buffer chunk) {
      received += chunk.length();
      receivedInWindow += chunk.length();
      if (body == null) {
        if (received > drainCap(limit)) {
          done.tryFail(new TooLarge(received, limit, false));
        }
      } else if (received > limit) {
        drop();
      } else if (!exchangeOver && budget.tryTake(chunk.length())) {
        held += chunk.length();
        body.add(chunk);
      } else {
        drop();
        done.tryFail(ServiceError.tooManyRequests(BUDGET_REASON));
      }
    }

    void end() {
      if (body == null) {
        done.tryFail(new TooLarge(Math.max(declared, received), limit, true));
      } else if (BodyDecoder.inflates(encoding)) {
        inflate(body.joined().getBytes());
      } else {
        done.tryComplete(body.joined());
      }
    }

    /** Inflates on a worker; the inflated bytes replace the compressed ones in the budget. */
    private void inflate(byte[] compressed) {
      drop();
      vertx
          .executeBlocking(() -> BodyDecoder.inflate(encoding, compressed, limit), false)
          .onSuccess(
              inflated -> {
                if (exchangeOver) {
                  done.tryFail(new IllegalStateException("the exchange ended while inflating"));
                } else if (budget.tryTake(inflated.length)) {
                  held = inflated.length;
                  done.tryComplete(Buffer.buffer(inflated));
                } else {
                  done.tryFail(ServiceError.tooManyRequests(BUDGET_REASON));
                }
              })
          .onFailure(
              failure ->
                  done.tryFail(
                      failure instanceof BodyDecoder.TooLargeInflated
                          ? new TooLarge(limit + 1, limit, true)
                          : ServiceError.undecodableBody(encoding)));
    }

    void checkRate() {
      if (receivedInWindow < minBytesPerWindow) {
        drop();
        done.tryFail(
            ServiceError.bodyTooSlow(
                "Request body arrived at "
                    + receivedInWindow * 1000 / windowMillis
                    + " bytes/s, below the minimum of "
                    + minBytesPerWindow * 1000 / windowMillis));
      }
      receivedInWindow = 0;
    }

    /** Stops keeping the body (too large, refused): its bytes go back to the budget at once. */
    private void drop() {
      body = null;
      giveBack();
    }

    private void giveBack() {
      budget.giveBack(held);
      held = 0;
    }

    /** The answer is sent or the connection is gone: nothing is held from now on. */
    void exchangeOver() {
      exchangeOver = true;
      giveBack();
    }
  }
}
