package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderedWriterTest {

  private final List<Promise<Void>> timers = new ArrayList<>();
  private final StallRetry retry =
      new StallRetry(
          new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
          () -> 0.0,
          delayMs -> {
            Promise<Void> timer = Promise.promise();
            timers.add(timer);
            return timer.future();
          },
          new StallRetry.Stalls() {
            @Override
            public void started() {}

            @Override
            public void ended() {}
          });
  private final OrderedWriter writer = new OrderedWriter(retry, false);
  private final List<String> issued = new ArrayList<>();
  private final List<Promise<Void>> acks = new ArrayList<>();

  private Future<Void> write(String value) {
    issued.add(value);
    Promise<Void> ack = Promise.promise();
    acks.add(ack);
    return ack.future();
  }

  @Test
  @DisplayName("Writes are issued in submission order even when a later input is ready first")
  void submissionOrder() {
    Promise<String> first = Promise.promise();
    Promise<String> second = Promise.promise();
    Promise<String> third = Promise.promise();
    writer.submit(first.future(), this::write, "first");
    writer.submit(second.future(), this::write, "second");
    writer.submit(third.future(), this::write, "third");

    third.complete("c");
    second.complete("b");
    assertThat(issued).isEmpty();
    first.complete("a");

    assertThat(issued).containsExactly("a", "b", "c");
  }

  @Test
  @DisplayName("A write does not wait for the previous write's acknowledgement")
  void noWaitForAcks() {
    Future<Void> first = writer.submit(Future.succeededFuture("a"), this::write, "first");
    Future<Void> second = writer.submit(Future.succeededFuture("b"), this::write, "second");

    assertThat(issued).containsExactly("a", "b");
    assertThat(writer.inFlight()).isEqualTo(2);
    acks.get(1).complete();
    assertThat(second.succeeded()).isTrue();
    assertThat(first.isComplete()).isFalse();
    assertThat(writer.inFlight()).isEqualTo(1);
  }

  @Test
  @DisplayName("A failed input fails its submission without a write and does not block the next")
  void failedInput() {
    Future<Void> failed =
        writer.submit(Future.<String>failedFuture("call failed"), this::write, "failed");
    writer.submit(Future.succeededFuture("b"), this::write, "next");

    assertThat(failed.failed()).isTrue();
    assertThat(issued).containsExactly("b");
  }

  @Test
  @DisplayName("A rejected write is sent again until acknowledged; settled waits for it")
  void retriedUntilAcknowledged() {
    AtomicInteger sends = new AtomicInteger();
    Future<Void> written =
        writer.submit(
            Future.succeededFuture("a"),
            value -> {
              if (sends.incrementAndGet() < 3) {
                return Future.failedFuture("broker unavailable");
              }
              return write(value);
            },
            "flaky");
    Future<Void> settled = writer.settled();

    timers.get(0).complete();
    timers.get(1).complete();
    assertThat(sends).hasValue(3);
    assertThat(settled.isComplete()).isFalse();
    acks.get(0).complete();

    assertThat(written.succeeded()).isTrue();
    assertThat(settled.succeeded()).isTrue();
    assertThat(writer.inFlight()).isZero();
  }

  @Test
  @DisplayName("One at a time, a write starts only after the previous one was acknowledged")
  void oneAtATime() {
    OrderedWriter transactions = new OrderedWriter(retry, true);
    transactions.submit(Future.succeededFuture("a"), this::write, "first");
    transactions.submit(Future.succeededFuture("b"), this::write, "second");

    assertThat(issued).containsExactly("a");
    acks.get(0).complete();
    assertThat(issued).containsExactly("a", "b");
  }
}
