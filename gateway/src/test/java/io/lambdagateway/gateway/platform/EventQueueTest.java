package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Event queue on a real Vert.x and a real Invoker, with short retry delays. */
@ExtendWith(VertxExtension.class)
@DisplayName("The Event queue")
class EventQueueTest {

  private static final List<Duration> DELAYS =
      List.of(Duration.ofMillis(100), Duration.ofMillis(200));

  /** Fails its first {@code failures} calls, then succeeds; notes when each call started. */
  private static final class FailingFunction implements LambdaFunction {
    final List<Long> startedNanos = new CopyOnWriteArrayList<>();
    private final int failures;

    FailingFunction(int failures) {
      this.failures = failures;
    }

    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      startedNanos.add(System.nanoTime());
      return startedNanos.size() <= failures
          ? Future.failedFuture(new FunctionError("Test.Failure", "attempt failed"))
          : Future.succeededFuture(event);
    }
  }

  /** An on-failure destination that keeps the records it gets. */
  static final class KeptRecords implements EventDestination {
    final List<ObjectNode> records = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> deliver(ObjectNode invocationRecord) {
      records.add(invocationRecord);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  private static EventQueue queue(Vertx vertx, int capacity, int concurrency) {
    return queue(
        vertx, new EventQueue.Limits(capacity, concurrency, 1 << 20), 2, new KeptRecords());
  }

  static EventQueue queue(
      Vertx vertx, EventQueue.Limits limits, int maxRetries, EventDestination destination) {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(100);
    Invoker invoker =
        new Invoker(
            vertx,
            name -> "arn:" + name,
            1024,
            limiter,
            new InvocationMetrics(new SimpleMeterRegistry(), limiter::inFlight));
    return new EventQueue(
        vertx,
        invoker,
        name -> "arn:" + name,
        limits,
        new EventRetryPolicy(maxRetries, Duration.ofHours(6), DELAYS),
        EventJournal.inMemory(),
        destination);
  }

  /** Whether {@code events} accepted the call; the in-memory journal answers at once. */
  static boolean offered(EventQueue events, HostedFunction fn, String requestId) {
    Future<Boolean> offered = events.offer(fn, Buffer.buffer("{}"), requestId);
    assertThat(offered.isComplete())
        .as("offer with the in-memory journal completes at once")
        .isTrue();
    return offered.result();
  }

  static HostedFunction hosted(LambdaFunction function) {
    return new HostedFunction("f", function, Duration.ofSeconds(5), 128, OptionalInt.empty());
  }

  @Test
  @DisplayName("waits 1 s, then 2 s between Lambda's two retries")
  void usesLambdasRetryDelays() {
    assertThat(EventRetryPolicy.LAMBDA_RETRY_DELAYS)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("a call that keeps failing runs once plus once per retry delay, then leaves")
  void retriesAfterEachDelayThenDrops(Vertx vertx, VertxTestContext test) {
    FailingFunction function = new FailingFunction(Integer.MAX_VALUE);
    EventQueue events = queue(vertx, 10, 1);

    vertx.runOnContext(v -> assertThat(offered(events, hosted(function), "r1")).isTrue());

    vertx.setTimer(
        1500,
        id ->
            test.verify(
                () -> {
                  List<Long> starts = function.startedNanos;
                  assertThat(starts).hasSize(3);
                  assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(1) - starts.get(0)))
                      .isGreaterThanOrEqualTo(100);
                  assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(2) - starts.get(1)))
                      .isGreaterThanOrEqualTo(200);
                  assertThat(events.size()).isZero();
                  test.completeNow();
                }));
  }

  @Test
  @DisplayName("a call that succeeds on its first retry is not run again")
  void stopsRetryingOnSuccess(Vertx vertx, VertxTestContext test) {
    FailingFunction function = new FailingFunction(1);
    EventQueue events = queue(vertx, 10, 1);

    vertx.runOnContext(v -> events.offer(hosted(function), Buffer.buffer("{}"), "r2"));

    vertx.setTimer(
        1200,
        id ->
            test.verify(
                () -> {
                  assertThat(function.startedNanos).hasSize(2);
                  assertThat(events.size()).isZero();
                  test.completeNow();
                }));
  }

  @Test
  @DisplayName("a call waiting for its retry keeps its slot; past the capacity, offers are refused")
  void boundsWaitingCalls(Vertx vertx, VertxTestContext test) {
    FailingFunction first = new FailingFunction(1);
    FailingFunction second = new FailingFunction(0);
    EventQueue events = queue(vertx, 1, 1);

    vertx.runOnContext(
        v ->
            test.verify(
                () -> {
                  assertThat(offered(events, hosted(first), "running")).isTrue();
                  assertThat(offered(events, hosted(second), "waiting")).isTrue();
                  assertThat(offered(events, hosted(second), "refused")).isFalse();
                  assertThat(events.size()).isEqualTo(2);
                  assertThat(second.startedNanos).isEmpty();
                }));

    vertx.setTimer(
        1000,
        id ->
            test.verify(
                () -> {
                  assertThat(first.startedNanos).hasSize(2);
                  assertThat(second.startedNanos).hasSize(1);
                  assertThat(second.startedNanos.get(0)).isGreaterThan(first.startedNanos.get(1));
                  assertThat(events.size()).isZero();
                  test.completeNow();
                }));
  }

  @Test
  @DisplayName("a call whose function throws an Error is retried, then frees its place and slot")
  void errorsFreeTheirPlace(Vertx vertx, VertxTestContext test) {
    List<Long> starts = new CopyOnWriteArrayList<>();
    LambdaFunction outOfMemory =
        (event, invocation) -> {
          starts.add(System.nanoTime());
          throw new OutOfMemoryError("Java heap space");
        };
    FailingFunction next = new FailingFunction(0);
    EventQueue events = queue(vertx, 10, 1);

    vertx.runOnContext(
        v -> {
          events.offer(hosted(outOfMemory), Buffer.buffer("{}"), "error");
          events.offer(hosted(next), Buffer.buffer("{}"), "next");
        });

    vertx.setTimer(
        1000,
        id ->
            test.verify(
                () -> {
                  assertThat(starts).hasSize(3);
                  assertThat(next.startedNanos).hasSize(1);
                  assertThat(events.size()).isZero();
                  test.completeNow();
                }));
  }
}
