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
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Faults inside a function on a real Vert.x and a real Invoker: whatever a function throws (an
 * {@link Error} included) or however late it returns, the call is answered, its concurrency slot
 * comes back ({@code lambda_in_flight} is 0) and the next call works.
 */
@DisplayName("The invoker under function faults")
class InvokerFaultsTest {

  private Vertx vertx;
  private ConcurrencyLimiter limiter;
  private SimpleMeterRegistry registry;
  private Invoker invoker;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    limiter = new ConcurrencyLimiter(4);
    registry = new SimpleMeterRegistry();
    invoker =
        new Invoker(
            vertx,
            name -> "arn:" + name,
            1024,
            limiter,
            new InvocationMetrics(registry, limiter::inFlight));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("an OutOfMemoryError thrown by invoke is a function error and frees the slot")
  void outOfMemoryThrown() {
    LambdaFunction throwing =
        (event, inv) -> {
          throw new OutOfMemoryError("Java heap space");
        };

    assertFaultAnswered(hosted(throwing), "OutOfMemoryError");
  }

  @Test
  @DisplayName("a StackOverflowError in a failed future is a function error and frees the slot")
  void stackOverflowInFuture() {
    LambdaFunction overflowing =
        (event, inv) -> {
          try {
            return Future.succeededFuture(Buffer.buffer(String.valueOf(recurse(0))));
          } catch (StackOverflowError overflow) {
            return Future.failedFuture(overflow);
          }
        };

    assertFaultAnswered(hosted(overflowing), "StackOverflowError");
  }

  @Test
  @DisplayName("a StackOverflowError thrown by invoke is a function error and frees the slot")
  void stackOverflowThrown() {
    assertFaultAnswered(
        hosted((event, inv) -> Future.succeededFuture(Buffer.buffer("" + recurse(0)))),
        "StackOverflowError");
  }

  @Test
  @DisplayName("an OutOfMemoryError thrown on a worker (blocking function) frees the slot")
  void outOfMemoryOnWorker() {
    LambdaFunction blocking =
        new LambdaFunction() {
          @Override
          public Future<Buffer> invoke(Buffer event, Invocation invocation) {
            throw new OutOfMemoryError("Java heap space");
          }

          @Override
          public FunctionTraits traits() {
            return new FunctionTraits(true, false);
          }
        };

    assertFaultAnswered(hosted(blocking), "OutOfMemoryError");
  }

  @Test
  @DisplayName("a failure of the platform around a call fails its future and frees the slot")
  void platformFailureFreesTheSlot() {
    LambdaFunction unreadable =
        new LambdaFunction() {
          @Override
          public Future<Buffer> invoke(Buffer event, Invocation invocation) {
            return Future.succeededFuture(event);
          }

          @Override
          public FunctionTraits traits() {
            throw new OutOfMemoryError("Java heap space");
          }
        };

    Throwable failure =
        awaitFailure(onLoop(() -> invoker.invoke(hosted(unreadable), event(), "r", "invoke")));

    assertThat(failure).isInstanceOf(OutOfMemoryError.class);
    assertThat(inFlight()).isZero();
  }

  @Test
  @DisplayName("an in-process call that returns after its 1 ms deadline is Sandbox.Timedout")
  void lateAnswerIsTimedOut() {
    // holds its event loop past the deadline, so the timeout timer cannot fire before it returns
    LambdaFunction spinning =
        (event, inv) -> {
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          return Future.succeededFuture(Buffer.buffer("{\"ok\":true}"));
        };
    HostedFunction fn =
        new HostedFunction("spin", spinning, Duration.ofMillis(1), 128, OptionalInt.empty());

    InvocationOutcome outcome = call(fn);

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.error().errorType()).isEqualTo("Sandbox.Timedout");
    assertThat(outcome.error().errorMessage()).isEqualTo("Task timed out after 0.00 seconds");
    assertThat(inFlight()).isZero();
  }

  @Test
  @DisplayName("a call over the limit waits for a slot and runs when one is released")
  void waitsForASlot() {
    LambdaFunction sleeping =
        (event, inv) -> vertx.timer(200).map(done -> Buffer.buffer("{\"slept\":true}"));
    HostedFunction fn = hosted(sleeping, OptionalInt.of(1));

    Future<InvocationOutcome> first =
        onLoop(() -> invoker.invokeWhenFree(fn, event(), "r1", "url"));
    Future<InvocationOutcome> second =
        onLoop(() -> invoker.invokeWhenFree(fn, event(), "r2", "url"));

    assertThat(await(first).failed()).isFalse();
    assertThat(await(second).failed()).isFalse();
    assertThat(inFlight()).isZero();
  }

  @Test
  @DisplayName("a wait longer than the function's timeout, or past a full queue, is throttled")
  void waitIsBounded() {
    ConcurrencyLimiter one = new ConcurrencyLimiter(1);
    Invoker small =
        new Invoker(
            vertx,
            name -> "arn:" + name,
            1024,
            one,
            new InvocationMetrics(registry, one::inFlight));
    HostedFunction slow =
        new HostedFunction(
            "slow",
            (event, inv) -> vertx.timer(1_000).map(done -> event),
            Duration.ofSeconds(5),
            128,
            OptionalInt.empty());
    HostedFunction quick =
        new HostedFunction(
            "quick",
            (event, inv) -> Future.succeededFuture(event),
            Duration.ofMillis(100),
            128,
            OptionalInt.empty());

    Future<InvocationOutcome> running =
        onLoop(() -> small.invokeWhenFree(slow, event(), "a", "url"));
    Future<InvocationOutcome> waiting =
        onLoop(() -> small.invokeWhenFree(quick, event(), "b", "url"));
    Future<InvocationOutcome> refused =
        onLoop(() -> small.invokeWhenFree(quick, event(), "c", "url"));

    assertThat(awaitFailure(refused)).isInstanceOf(Throttled.class);
    long started = System.nanoTime();
    assertThat(awaitFailure(waiting)).isInstanceOf(Throttled.class);
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(800));
    assertThat(await(running).failed()).isFalse();
    assertThat(one.inFlight()).isZero();
  }

  private void assertFaultAnswered(HostedFunction fn, String errorType) {
    InvocationOutcome outcome = call(fn);

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.error().errorType()).isEqualTo(errorType);
    assertThat(inFlight()).isZero();
    HostedFunction fine = hosted((event, inv) -> Future.succeededFuture(event));
    assertThat(call(fine).payload().toString()).isEqualTo("{}");
    assertThat(inFlight()).isZero();
  }

  private InvocationOutcome call(HostedFunction fn) {
    return await(onLoop(() -> invoker.invoke(fn, event(), "request", "invoke")));
  }

  private double inFlight() {
    return registry.get("lambda.in.flight").gauge().value();
  }

  private <T> Future<T> onLoop(Supplier<Future<T>> call) {
    Promise<T> result = Promise.promise();
    vertx.runOnContext(v -> call.get().onComplete(result));
    return result.future();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException noAnswer) {
      throw new AssertionError("no answer within 10 s", noAnswer);
    }
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException noAnswer) {
      throw new AssertionError("no answer within 10 s", noAnswer);
    } catch (Throwable failed) {
      return failed;
    }
    throw new AssertionError("succeeded, expected a failure");
  }

  private static Buffer event() {
    return Buffer.buffer("{}");
  }

  private static HostedFunction hosted(LambdaFunction function) {
    return hosted(function, OptionalInt.empty());
  }

  private static HostedFunction hosted(LambdaFunction function, OptionalInt reserved) {
    return new HostedFunction("f", function, Duration.ofSeconds(5), 128, reserved);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }
}
