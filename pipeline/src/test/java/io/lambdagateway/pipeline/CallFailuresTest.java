package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which failures are deterministic, against real local HTTP servers answering as Lambda does
 * (function URL: 413 and 502; Invoke API: 200 + X-Amz-Function-Error).
 */
@ExtendWith(VertxExtension.class)
class CallFailuresTest {

  private static final String TOO_LARGE =
      "{\"errorType\":\"Function.ResponseSizeTooLarge\",\"errorMessage\":\"Response payload size"
          + " exceeded maximum allowed payload size (6291556 bytes).\"}";
  private static final String TIMED_OUT =
      "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"Task timed out after 1.00 seconds\"}";
  private static final String UNHANDLED =
      "{\"errorType\":\"IllegalStateException\",\"errorMessage\":\"boom\"}";
  private static final int RETRIES = 2;

  private final AtomicInteger calls = new AtomicInteger();

  private String serve(Vertx vertx, Handler<HttpServerRequest> answer) {
    int port =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              calls.incrementAndGet();
                              answer.handle(request);
                            }))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    return "http://127.0.0.1:" + port;
  }

  private static BatchCaller caller(Vertx vertx, LambdaInvoker invoker) {
    return new BatchCaller(
        vertx,
        invoker,
        RETRIES,
        new Backoff(Duration.ofMillis(5), Duration.ofMillis(10)),
        new PipelineMetrics(new SimpleMeterRegistry()));
  }

  private static BatchCaller functionUrl(Vertx vertx, String url) {
    return caller(vertx, HttpInvoker.functionUrl(vertx, config(url)));
  }

  private static BatchCaller invokeApi(Vertx vertx, String url) {
    return caller(vertx, HttpInvoker.invokeApi(vertx, config(url)));
  }

  private static PipelineConfig config(String url) {
    return PipelineConfig.builder("127.0.0.1:9").functionUrl(url).build();
  }

  private static Batch batch() {
    SourceRecord source = new SourceRecord("t", 0, 5, 1, null, new byte[] {1});
    return Batch.of(
        java.util.List.of(new PendingRecord(source, new TransferRequests().encodeRecord(source))));
  }

  private static void status(HttpServerRequest request, int status, String body) {
    request.response().setStatusCode(status).end(body);
  }

  private static void functionError(HttpServerRequest request, String body) {
    request.response().putHeader("X-Amz-Function-Error", "Unhandled").end(body);
  }

  @Test
  @DisplayName("413 is deterministic at once: no retry")
  void payloadTooLarge(Vertx vertx) {
    String url = serve(vertx, r -> status(r, 413, "{\"message\":\"too large\"}"));

    assertThatThrownBy(() -> functionUrl(vertx, url).call(batch()).await())
        .isInstanceOf(DeterministicFailureException.class)
        .hasMessageContaining("HTTP 413");
    assertThat(calls).hasValue(1);
  }

  @Test
  @DisplayName("A function URL's 502 naming Function.ResponseSizeTooLarge is deterministic at once")
  void functionUrlResponseTooLarge(Vertx vertx) {
    String url = serve(vertx, r -> status(r, 502, TOO_LARGE));

    assertThatThrownBy(() -> functionUrl(vertx, url).call(batch()).await())
        .isInstanceOf(DeterministicFailureException.class)
        .hasMessageContaining("HTTP 502");
    assertThat(calls).hasValue(1);
  }

  @Test
  @DisplayName("An Invoke API Function.ResponseSizeTooLarge is deterministic at once")
  void invokeApiResponseTooLarge(Vertx vertx) {
    String url = serve(vertx, r -> functionError(r, TOO_LARGE));

    assertThatThrownBy(() -> invokeApi(vertx, url).call(batch()).await())
        .isInstanceOf(DeterministicFailureException.class)
        .hasMessageContaining("Function.ResponseSizeTooLarge");
    assertThat(calls).hasValue(1);
  }

  @Test
  @DisplayName("A function error on every attempt is deterministic after all retries")
  void repeatedFunctionError(Vertx vertx) {
    String url = serve(vertx, r -> functionError(r, UNHANDLED));

    assertThatThrownBy(() -> invokeApi(vertx, url).call(batch()).await())
        .isInstanceOf(DeterministicFailureException.class)
        .hasMessageContaining("boom");
    assertThat(calls).hasValue(1 + RETRIES);
  }

  @Test
  @DisplayName("A function URL's bare 502 on every attempt is deterministic after all retries")
  void repeatedBadGateway(Vertx vertx) {
    String url = serve(vertx, r -> status(r, 502, "{\"Message\":\"Internal Server Error\"}"));

    assertThatThrownBy(() -> functionUrl(vertx, url).call(batch()).await())
        .isInstanceOf(DeterministicFailureException.class);
    assertThat(calls).hasValue(1 + RETRIES);
  }

  @Test
  @DisplayName("One transient failure among the attempts makes the failure transient")
  void mixedFailuresAreTransient(Vertx vertx) {
    String url =
        serve(
            vertx,
            r -> {
              if (calls.get() == 2) {
                status(r, 503, "{}");
              } else {
                functionError(r, UNHANDLED);
              }
            });

    assertThatThrownBy(() -> invokeApi(vertx, url).call(batch()).await())
        .isInstanceOf(InvocationException.class);
    assertThat(calls).hasValue(1 + RETRIES);
  }

  @Test
  @DisplayName("Timeouts, 429 and 5xx are transient, however often they repeat")
  void transientFailures(Vertx vertx) {
    String timedOut = serve(vertx, r -> functionError(r, TIMED_OUT));
    String throttled = serve(vertx, r -> status(r, 429, "{}"));
    String unavailable = serve(vertx, r -> status(r, 503, "{}"));

    for (BatchCaller caller :
        java.util.List.of(
            invokeApi(vertx, timedOut),
            functionUrl(vertx, throttled),
            functionUrl(vertx, unavailable))) {
      assertThatThrownBy(() -> caller.call(batch()).await())
          .isInstanceOf(InvocationException.class);
    }
    assertThat(calls).hasValue(3 * (1 + RETRIES));
  }
}
