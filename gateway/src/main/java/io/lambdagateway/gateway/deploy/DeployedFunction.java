package io.lambdagateway.gateway.deploy;

import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.runtime.RuntimeFunction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deployed function's code in its execution environments, reporting the runtime by the name the
 * caller deployed it with, and counting its calls in flight so that, once replaced or deleted, it
 * is stopped only after they finish ({@link #retire}).
 */
final class DeployedFunction implements LambdaFunction {

  private final RuntimeFunction runtime;
  private final String runtimeName;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Promise<Void> drained = Promise.promise();
  private volatile boolean retired;

  DeployedFunction(RuntimeFunction runtime, String runtimeName) {
    this.runtime = runtime;
    this.runtimeName = runtimeName;
  }

  @Override
  public Future<Buffer> invoke(Buffer event, Invocation invocation) {
    inFlight.incrementAndGet();
    return runtime
        .invoke(event, invocation)
        .andThen(
            done -> {
              if (inFlight.decrementAndGet() == 0 && retired) {
                drained.tryComplete();
              }
            });
  }

  @Override
  public FunctionTraits traits() {
    return runtime.traits();
  }

  @Override
  public String runtimeName() {
    return runtimeName;
  }

  @Override
  public String handlerName() {
    return runtime.handlerName();
  }

  RuntimeFunction runtime() {
    return runtime;
  }

  /**
   * Stops the environments once the calls in flight have finished, or after {@code patience} (the
   * function's timeout and a margin) at the latest: a call that outlives it fails as its process
   * stops.
   */
  Future<Void> retire(Vertx vertx, Duration patience) {
    retired = true;
    if (inFlight.get() == 0) {
      drained.tryComplete();
    }
    long timer = vertx.setTimer(Math.max(1, patience.toMillis()), t -> drained.tryComplete());
    return drained
        .future()
        .compose(
            idle -> {
              vertx.cancelTimer(timer);
              return runtime.close();
            });
  }

  /** A retiring function waits no longer for its calls in flight (gateway shutdown). */
  void stopWaiting() {
    drained.tryComplete();
  }
}
