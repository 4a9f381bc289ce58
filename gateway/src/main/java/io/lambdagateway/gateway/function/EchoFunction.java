package io.lambdagateway.gateway.function;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * A function that returns its event unchanged, hosted as {@code echo} only with {@code
 * GATEWAY_BENCH_ECHO=true}. Through {@code POST /echo} the benchmark measures the whole gateway
 * path (routing, invoker, metrics, logging, response mapping) around a function that costs nothing,
 * next to the bare {@code /bench/echo} route.
 */
public final class EchoFunction implements LambdaFunction {

  /** The name the benchmark calls. */
  public static final String NAME = "echo";

  private static final FunctionTraits RAW_BODY = new FunctionTraits(false, true);

  @Override
  public Future<Buffer> invoke(Buffer event, Invocation invocation) {
    return Future.succeededFuture(event);
  }

  @Override
  public FunctionTraits traits() {
    return RAW_BODY;
  }
}
