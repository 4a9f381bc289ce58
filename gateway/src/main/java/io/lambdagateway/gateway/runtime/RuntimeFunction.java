package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * A user's function hosted in execution environments (runtime processes behind the Runtime API), as
 * a {@link LambdaFunction}: non-blocking (all process work is off the event loop) and given the
 * full function-URL event, as Lambda gives it to any handler.
 */
public final class RuntimeFunction implements LambdaFunction {

  private final FunctionSpec spec;
  private final EnvironmentPool pool;

  RuntimeFunction(FunctionSpec spec, EnvironmentPool pool) {
    this.spec = spec;
    this.pool = pool;
  }

  @Override
  public Future<Buffer> invoke(Buffer event, Invocation invocation) {
    return pool.invoke(event, invocation);
  }

  @Override
  public FunctionTraits traits() {
    return FunctionTraits.DEFAULT;
  }

  @Override
  public String runtimeName() {
    return spec.runtimeId();
  }

  @Override
  public String handlerName() {
    return spec.handler();
  }

  public FunctionSpec spec() {
    return spec;
  }

  /** Stops all its environments (SIGTERM, then SIGKILL after the grace); on gateway shutdown. */
  public Future<Void> close() {
    return pool.close();
  }
}
