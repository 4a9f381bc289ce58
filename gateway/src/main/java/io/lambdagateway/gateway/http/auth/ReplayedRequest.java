package io.lambdagateway.gateway.http.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.core.internal.http.HttpServerRequestWrapper;

/**
 * A request whose body was already read (to verify its signature), handed to the routes as if it
 * were still arriving: the body is delivered once to whoever reads it, as one chunk, then the end,
 * on the request's context. Everything else (headers, response, connection) is the original's.
 */
final class ReplayedRequest extends HttpServerRequestWrapper {

  private final Buffer body;
  private Handler<Buffer> dataHandler;
  private Handler<Void> endHandler;
  private boolean paused;
  private boolean scheduled;
  private boolean ended;

  ReplayedRequest(HttpServerRequest request, Buffer body) {
    super((HttpServerRequestInternal) request);
    this.body = body;
  }

  @Override
  public HttpServerRequest handler(Handler<Buffer> handler) {
    dataHandler = handler;
    return this;
  }

  @Override
  public HttpServerRequest endHandler(Handler<Void> handler) {
    endHandler = handler;
    scheduleDelivery();
    return this;
  }

  @Override
  public HttpServerRequest exceptionHandler(Handler<Throwable> handler) {
    // The body is in memory: reading it cannot fail any more.
    return this;
  }

  @Override
  public HttpServerRequest pause() {
    paused = true;
    return this;
  }

  @Override
  public HttpServerRequest resume() {
    paused = false;
    scheduleDelivery();
    return this;
  }

  @Override
  public HttpServerRequest fetch(long amount) {
    return amount > 0 ? resume() : this;
  }

  @Override
  public boolean isEnded() {
    return ended;
  }

  @Override
  public long bytesRead() {
    return body.length();
  }

  @Override
  public Future<Buffer> body() {
    ended = true;
    return Future.succeededFuture(body);
  }

  @Override
  public Future<Void> end() {
    ended = true;
    return Future.succeededFuture();
  }

  private void scheduleDelivery() {
    if (!scheduled && endHandler != null && !paused) {
      scheduled = true;
      context().runOnContext(v -> deliver());
    }
  }

  private void deliver() {
    if (paused) {
      scheduled = false;
      return;
    }
    if (ended) {
      return;
    }
    ended = true;
    if (dataHandler != null && body.length() > 0) {
      dataHandler.handle(body);
    }
    if (endHandler != null) {
      endHandler.handle(null);
    }
  }
}
