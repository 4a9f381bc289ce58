package io.lambdagateway.gateway;

import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * A test function that declares itself blocking and sleeps for {@code {"sleepMs":n}}; it returns
 * the name of the thread it ran on, so a test can see it was a worker.
 */
final class BlockingFunction implements LambdaFunction {

  private static final FunctionTraits BLOCKING = new FunctionTraits(true, false);

  @Override
  public Future<Buffer> invoke(Buffer event, Invocation invocation) {
    long ms = event.toJsonObject().getLong("sleepMs", 0L);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Future.failedFuture(interrupted);
    }
    return Future.succeededFuture(
        Buffer.buffer("{\"thread\":\"" + Thread.currentThread().getName() + "\"}"));
  }

  @Override
  public FunctionTraits traits() {
    return BLOCKING;
  }
}
