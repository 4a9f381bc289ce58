package io.lambdagateway.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /bench/echo}: returns the request body, nothing else. Mounted only with {@code
 * GATEWAY_BENCH_ECHO=true}; it is the benchmark's baseline for the HTTP cost alone.
 */
public final class BenchEcho {

  private BenchEcho() {}

  /** Returns a handler echoing bodies up to {@code limit} bytes (413 beyond, like a function). */
  public static Handler<RoutingContext> create(BodyReader bodies, long limit) {
    return ctx ->
        bodies
            .read(ctx, limit)
            .onSuccess(
                body ->
                    ctx.response()
                        .putHeader("Content-Type", HttpReplies.APPLICATION_JSON)
                        .end(body))
            .onFailure(
                failure ->
                    bodies.refuse(
                        ctx.request(),
                        failure,
                        length -> ctx.response().setStatusCode(413).end(),
                        error -> ctx.response().setStatusCode(error.status()).end()));
  }
}
