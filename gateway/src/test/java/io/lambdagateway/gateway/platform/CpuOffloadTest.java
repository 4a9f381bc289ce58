package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where the invoker runs a function whose work grows with its event. */
@DisplayName("CPU work off the event loop")
class CpuOffloadTest {

  /** Answers the name of the thread it ran on; inline for events up to 1 KiB. */
  private static final class ThreadName implements LambdaFunction {
    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      return Future.succeededFuture(Buffer.buffer(Thread.currentThread().getName()));
    }

    @Override
    public FunctionTraits traits() {
      return new FunctionTraits(false, false, 1024);
    }
  }

  private Vertx vertx;
  private Invoker invoker;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(4);
    invoker =
        new Invoker(
            vertx,
            name -> "arn:" + name,
            1024,
            limiter,
            new InvocationMetrics(new SimpleMeterRegistry(), limiter::inFlight));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a small event runs on the event loop")
  void smallEventInline() throws Exception {
    assertThat(threadFor(Buffer.buffer(new byte[1024]))).contains("eventloop");
  }

  @Test
  @DisplayName("an event over the function's inline limit runs on the CPU pool")
  void largeEventOnCpuPool() throws Exception {
    assertThat(threadFor(Buffer.buffer(new byte[1025]))).startsWith("lambda-gateway-cpu");
  }

  private String threadFor(Buffer event) throws Exception {
    HostedFunction fn =
        new HostedFunction("f", new ThreadName(), Duration.ofSeconds(5), 128, OptionalInt.empty());
    Promise<InvocationOutcome> outcome = Promise.promise();
    vertx.runOnContext(v -> invoker.invoke(fn, event, "r", "invoke").onComplete(outcome));
    return outcome.future().await(10, TimeUnit.SECONDS).payload().toString();
  }
}
