package io.lambdagateway.gateway.platform;

import static io.lambdagateway.gateway.platform.EventQueueTest.hosted;
import static io.lambdagateway.gateway.platform.EventQueueTest.offered;
import static io.lambdagateway.gateway.platform.EventQueueTest.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.platform.EventQueueTest.KeptRecords;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event invocations that fail for good reach the on-failure destination as Lambda's invocation
 * record, whatever the failure; the queue's places are always given back.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Event invocations that fail for good")
class EventFailuresTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Counts its calls and answers each with {@code answer}. */
  private static final class CountingFunction implements LambdaFunction {
    final AtomicInteger calls = new AtomicInteger();
    private final Supplier<Future<Buffer>> answer;

    CountingFunction(Supplier<Future<Buffer>> answer) {
      this.answer = answer;
    }

    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      calls.incrementAndGet();
      return answer.get();
    }
  }

  static Stream<Error> errors() {
    return Stream.of(new OutOfMemoryError("Java heap space"), new StackOverflowError());
  }

  @ParameterizedTest
  @MethodSource("errors")
  @DisplayName("an Error thrown by the function ends the event, frees its place and is recorded")
  void errorsEndTheEvent(Error error, Vertx vertx) {
    CountingFunction throwing =
        new CountingFunction(
            () -> {
              throw error;
            });
    CountingFunction healthy = new CountingFunction(() -> Future.succeededFuture(Buffer.buffer()));
    KeptRecords kept = new KeptRecords();
    EventQueue events = queue(vertx, new EventQueue.Limits(1, 1, 1 << 20), 1, kept);

    vertx.runOnContext(v -> offered(events, hosted(throwing), "thrower"));
    await().atMost(WAIT).until(() -> kept.records.size() == 1);
    vertx.runOnContext(v -> offered(events, hosted(healthy), "next"));

    await().atMost(WAIT).until(() -> healthy.calls.get() == 1);
    await().atMost(WAIT).until(() -> events.size() == 0);
    JsonNode record = kept.records.get(0);
    assertThat(throwing.calls).hasValue(2);
    assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
    assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
    assertThat(record.at("/responsePayload/errorType").asText())
        .isEqualTo(error.getClass().getSimpleName());
  }

  @Test
  @DisplayName("the record of exhausted retries has Lambda's shape: request, response, condition")
  void recordsExhaustedRetries(Vertx vertx) {
    CountingFunction failing =
        new CountingFunction(
            () -> Future.failedFuture(new FunctionError("Test.Failure", "always fails")));
    KeptRecords kept = new KeptRecords();
    EventQueue events = queue(vertx, new EventQueue.Limits(10, 1, 1 << 20), 2, kept);

    vertx.runOnContext(
        v -> events.offer(hosted(failing), Buffer.buffer("{\"order\":42}"), "request-1"));

    await().atMost(WAIT).until(() -> kept.records.size() == 1);
    ObjectNode record = kept.records.get(0);
    assertThat(failing.calls).hasValue(3);
    assertThat(record.get("version").asText()).isEqualTo("1.0");
    assertThat(Instant.parse(record.get("timestamp").asText()))
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(record.at("/requestContext/requestId").asText()).isEqualTo("request-1");
    assertThat(record.at("/requestContext/functionArn").asText()).isEqualTo("arn:f:$LATEST");
    assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
    assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
    assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(42);
    assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
    assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
    assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
    assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Test.Failure");
    assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("always fails");
  }

  @Test
  @DisplayName("with no retries allowed, a failing event runs once")
  void honoursZeroRetries(Vertx vertx) {
    CountingFunction failing =
        new CountingFunction(() -> Future.failedFuture(new FunctionError("Test.Failure", "no")));
    KeptRecords kept = new KeptRecords();
    EventQueue events = queue(vertx, new EventQueue.Limits(10, 1, 1 << 20), 0, kept);

    vertx.runOnContext(v -> offered(events, hosted(failing), "once"));

    await().atMost(WAIT).until(() -> kept.records.size() == 1);
    assertThat(failing.calls).hasValue(1);
    assertThat(kept.records.get(0).at("/requestContext/approximateInvokeCount").asInt())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("an event older than the maximum age is not run: EventAgeExceeded, 0 invocations")
  void givesUpOldEvents(Vertx vertx) {
    CountingFunction function = new CountingFunction(() -> Future.succeededFuture(Buffer.buffer()));
    KeptRecords kept = new KeptRecords();
    EventQueue events = queue(vertx, new EventQueue.Limits(10, 1, 1 << 20), 2, kept);
    QueuedEvent old =
        new QueuedEvent(
            "old", "f", Instant.now().minus(Duration.ofHours(7)), Buffer.buffer("{\"a\":1}"));

    events.restore(List.of(old), new FunctionRegistry(List.of(hosted(function)), "f"));

    await().atMost(WAIT).until(() -> kept.records.size() == 1);
    JsonNode record = kept.records.get(0);
    assertThat(function.calls).hasValue(0);
    assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
    assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
    assertThat(record.has("responseContext")).isFalse();
    assertThat(record.at("/requestPayload/a").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("past the byte budget of accepted payloads, offers are refused until calls finish")
  void boundsAcceptedBytes(Vertx vertx) {
    CountingFunction slow =
        new CountingFunction(() -> vertx.timer(300).map(fired -> Buffer.buffer()));
    KeptRecords kept = new KeptRecords();
    EventQueue events = queue(vertx, new EventQueue.Limits(10, 1, 4), 0, kept);

    vertx.runOnContext(
        v -> {
          assertThat(offered(events, hosted(slow), "first")).isTrue(); // 2 bytes
          assertThat(offered(events, hosted(slow), "second")).isTrue(); // 4 bytes
          assertThat(offered(events, hosted(slow), "third")).isFalse();
        });

    await().atMost(WAIT).until(() -> events.size() == 0);
    vertx.runOnContext(v -> assertThat(offered(events, hosted(slow), "later")).isTrue());
    await().atMost(WAIT).until(() -> slow.calls.get() == 3 && events.size() == 0);
    assertThat(kept.records).isEmpty();
  }
}
