package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.LambdaLimits;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP targets and the retry rule against real local HTTP servers. */
@ExtendWith(VertxExtension.class)
class HttpInvokerTest {

  private static final RequestBody ONE_RECORD =
      TransferRequests.request(
          List.of(
              new TransferRequests()
                  .encodeRecord(new SourceRecord("t", 0, 5, 1, null, new byte[] {1}))));

  private record Seen(String method, String uri, MultiMap headers, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();

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
                              seen.add(
                                  new Seen(
                                      request.method().name(),
                                      request.uri(),
                                      MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                                      body.toString()));
                              answer.handle(request);
                            }))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    return "http://127.0.0.1:" + port;
  }

  private static PipelineConfigBuilder config(String url) {
    return PipelineConfig.builder("127.0.0.1:1")
        .functionUrl(url)
        .functionName("enricher")
        .retryBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
  }

  @Test
  @DisplayName(
      "A function-URL call is Transfer's: POST /{function}?integration=raw with its headers")
  void functionUrlRequest(Vertx vertx) {
    String url = serve(vertx, request -> request.response().end("{\"Records\":[]}"));
    LambdaInvoker invoker =
        HttpInvoker.functionUrl(
            vertx,
            config(url + "/")
                .header("X-Extra", "1")
                .header("Content-Type", "application/json; charset=utf-8")
                .build());

    byte[] answer = invoker.invoke("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)).await();

    assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"Records\":[]}");
    Seen request = seen.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/enricher?integration=raw");
    assertThat(request.body()).isEqualTo("{\"Records\":[]}");
    assertThat(request.headers().get("Authorization"))
        .startsWith("Bearer")
        .hasSizeLessThanOrEqualTo(7);
    assertThat(request.headers().get("Accept")).isEqualTo("application/json");
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.headers().get("X-Extra")).isEqualTo("1");
  }

  @Test
  @DisplayName("A request of several parts arrives as their bytes in order, with their length")
  void requestOfParts(Vertx vertx) {
    String url = serve(vertx, request -> request.response().end("{\"Records\":[]}"));
    LambdaInvoker invoker = HttpInvoker.functionUrl(vertx, config(url).build());
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      records.add(
          new TransferRequests()
              .encodeRecord(new SourceRecord("t", 0, i, 1, null, new byte[] {(byte) i})));
    }
    RequestBody request = TransferRequests.request(records);

    invoker.invoke(request).await();

    assertThat(request.parts()).hasSize(2 * records.size() + 1);
    assertThat(seen.get(0).body())
        .isEqualTo(new String(request.joined(), StandardCharsets.UTF_8))
        .hasSize(request.length());
    assertThat(seen.get(0).headers().get("Content-Length"))
        .isEqualTo(String.valueOf(request.length()));
  }

  @Test
  @DisplayName("A redirect fails the call and is never followed")
  void redirectRefused(Vertx vertx) {
    String url =
        serve(
            vertx,
            request ->
                request.response().setStatusCode(302).putHeader("Location", "/elsewhere").end());
    LambdaInvoker invoker = HttpInvoker.functionUrl(vertx, config(url).build());

    assertThatThrownBy(() -> invoker.invoke(ONE_RECORD).await())
        .isInstanceOf(InvocationException.class)
        .hasMessageContaining("HTTP 302");
    assertThat(seen).hasSize(1);
  }

  @Test
  @DisplayName("An Invoke API call uses the invocations path; X-Amz-Function-Error fails it")
  void invokeApi(Vertx vertx) {
    AtomicInteger calls = new AtomicInteger();
    String url =
        serve(
            vertx,
            request -> {
              if (calls.incrementAndGet() == 1) {
                request.response().end("{\"Records\":[]}");
              } else {
                request
                    .response()
                    .putHeader("X-Amz-Function-Error", "Unhandled")
                    .end("{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}");
              }
            });
    LambdaInvoker invoker = HttpInvoker.invokeApi(vertx, config(url).build());

    invoker.invoke(ONE_RECORD).await();
    assertThatThrownBy(() -> invoker.invoke(ONE_RECORD).await())
        .isInstanceOf(InvocationException.class)
        .hasMessageContaining("Unhandled");
    assertThat(seen.get(0).uri()).isEqualTo("/2015-03-31/functions/enricher/invocations");
  }

  @Test
  @DisplayName("A function that never answers fails the call at the invocation timeout")
  void timeout(Vertx vertx) {
    String url = serve(vertx, request -> {});
    LambdaInvoker invoker =
        HttpInvoker.functionUrl(
            vertx, config(url).invocationTimeout(Duration.ofMillis(300)).build());
    long started = System.nanoTime();

    assertThatThrownBy(() -> invoker.invoke(ONE_RECORD).await())
        .isInstanceOf(InvocationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("Failed calls are retried with back-off until one succeeds")
  void retriesUntilSuccess(Vertx vertx) {
    AtomicInteger calls = new AtomicInteger();
    String url =
        serve(
            vertx,
            request -> {
              if (calls.incrementAndGet() <= 2) {
                request.response().setStatusCode(500).end();
              } else {
                request
                    .response()
                    .end("{\"Records\":[{\"eventID\":\"5.0\",\"result\":\"Dropped\"}]}");
              }
            });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BatchCaller caller =
        new BatchCaller(
            vertx,
            HttpInvoker.functionUrl(vertx, config(url).build()),
            3,
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)),
            new PipelineMetrics(registry));
    Batch batch = batchOfOne();

    List<ResultRecord> results = caller.call(batch).await();

    assertThat(results).extracting(ResultRecord::result).containsExactly(Result.DROPPED);
    assertThat(calls).hasValue(3);
    assertThat(registry.get("pipeline.retries").counter().count()).isEqualTo(2);
    assertThat(registry.get("pipeline.invocations").tag("outcome", "failed").counter().count())
        .isEqualTo(2);
  }

  @Test
  @DisplayName(
      "A result count different from the request's is retried, then fails the batch"
          + " (deterministically: every attempt was answered wrongly)")
  void countMismatchFails(Vertx vertx) {
    String url = serve(vertx, request -> request.response().end("{\"Records\":[]}"));
    BatchCaller caller =
        new BatchCaller(
            vertx,
            HttpInvoker.functionUrl(vertx, config(url).build()),
            2,
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)),
            new PipelineMetrics(new SimpleMeterRegistry()));

    assertThatThrownBy(() -> caller.call(batchOfOne()).await())
        .isInstanceOf(DeterministicFailureException.class)
        .hasCauseInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("0 results for 1 records");
    assertThat(seen).hasSize(3);
  }

  @Test
  @DisplayName(
      "An answer in chunks without a length is read whole, byte for byte, past its first buffer")
  void chunkedAnswerReadWhole(Vertx vertx) {
    byte[] answer = pattern(300_000);
    String url = serve(vertx, request -> sendChunked(request, answer));
    LambdaInvoker invoker = HttpInvoker.functionUrl(vertx, config(url).build());

    assertThat(invoker.invoke(ONE_RECORD).await()).isEqualTo(answer);
  }

  @Test
  @DisplayName(
      "An answer over Lambda's response limit fails the call as too large, whether it declares"
          + " its length or comes in chunks")
  void answerOverTheLimitRefused(Vertx vertx) {
    byte[] answer = pattern(LambdaLimits.MAX_RESPONSE_BYTES + 1);
    String url =
        serve(
            vertx,
            request -> {
              if (request.getHeader("X-Chunked") != null) {
                sendChunked(request, answer);
              } else {
                request.response().end(Buffer.buffer(answer));
              }
            });

    for (LambdaInvoker invoker :
        List.of(
            HttpInvoker.functionUrl(vertx, config(url).build()),
            HttpInvoker.functionUrl(vertx, config(url).header("X-Chunked", "1").build()))) {
      assertThatThrownBy(() -> invoker.invoke(ONE_RECORD).await())
          .isInstanceOfSatisfying(
              InvocationException.class,
              e -> assertThat(e.failure()).isEqualTo(InvocationException.Failure.TOO_LARGE))
          .hasMessageContaining("over Lambda's response limit");
    }
    assertThat(seen).hasSize(2);
  }

  private static void sendChunked(HttpServerRequest request, byte[] answer) {
    HttpServerResponse response = request.response().setChunked(true);
    for (int at = 0; at < answer.length; at += 16_384) {
      response.write(Buffer.buffer().appendBytes(answer, at, Math.min(16_384, answer.length - at)));
    }
    response.end();
  }

  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  private static Batch batchOfOne() {
    Batcher batcher = new Batcher(1024 * 1024, LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    SourceRecord source = new SourceRecord("t", 0, 5, 1, null, new byte[] {1});
    batcher.add(new PendingRecord(source, new TransferRequests().encodeRecord(source)), 0);
    return batcher.drain().get(0);
  }
}
