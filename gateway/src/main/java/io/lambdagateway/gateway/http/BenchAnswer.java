package io.lambdagateway.gateway.http;

import io.lambdagateway.gateway.function.CallPhases;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.InvocationLog;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /bench/answer}: the HTTP floor of a function route. The first time a body arrives the
 * function computes its answer (on a worker); from then on the same body gets those bytes back
 * without calling the function. Mounted only with {@code GATEWAY_BENCH_ECHO=true}: it lets the
 * benchmark send an answer of exactly the function's size for exactly the function's request, so
 * the difference to the function's own route is the function's work alone. The answer is written as
 * the function's route writes it ({@link PayloadWrites}), but never handed back to the function: it
 * is kept for the next call.
 */
public final class BenchAnswer {

  /** A benchmark uses a handful of batches; more distinct bodies are answered but not kept. */
  static final int MAX_REMEMBERED = 8;

  private static final CallPhases NO_INIT_PHASE =
      new CallPhases() {
        @Override
        public void initPhaseStarts() {}

        @Override
        public long invokePhaseStarts() {
          return Long.MAX_VALUE;
        }
      };

  private final Vertx vertx;
  private final BodyReader bodies;
  private final long limit;
  private final LambdaFunction function;
  private final Map<Buffer, Future<Buffer>> answers = new ConcurrentHashMap<>();

  private BenchAnswer(Vertx vertx, BodyReader bodies, long limit, LambdaFunction function) {
    this.vertx = vertx;
    this.bodies = bodies;
    this.limit = limit;
    this.function = function;
  }

  /** Answers bodies up to {@code limit} bytes (413 beyond) with {@code function}'s answer. */
  public static Handler<RoutingContext> create(
      Vertx vertx, BodyReader bodies, long limit, LambdaFunction function) {
    return new BenchAnswer(vertx, bodies, limit, function)::handle;
  }

  private void handle(RoutingContext ctx) {
    bodies
        .read(ctx, limit)
        .compose(this::answerFor)
        .onSuccess(
            answer ->
                PayloadWrites.end(
                    ctx.response().putHeader("Content-Type", HttpReplies.APPLICATION_JSON), answer))
        .onFailure(
            failure ->
                bodies.refuse(
                    ctx.request(),
                    failure,
                    length -> ctx.response().setStatusCode(413).end(),
                    error -> ctx.response().setStatusCode(error.status()).end()));
  }

  private Future<Buffer> answerFor(Buffer body) {
    Future<Buffer> known = answers.get(body);
    if (known != null) {
      return known;
    }
    Future<Buffer> computed = callFunction(body);
    if (answers.size() < MAX_REMEMBERED) {
      answers.putIfAbsent(body, computed);
    }
    return computed;
  }

  private Future<Buffer> callFunction(Buffer body) {
    String id = "bench-answer";
    Invocation invocation =
        new Invocation(
            id,
            "bench-answer",
            "$LATEST",
            Long.MAX_VALUE,
            new InvocationLog(id),
            Optional.empty(),
            NO_INIT_PHASE,
            limit);
    return vertx.executeBlocking(() -> function.invoke(body, invocation), false).compose(f -> f);
  }
}
