package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many calls at once, through a Vert.x HTTP client on its own Vert.x instance. */
@ExtendWith({VertxExtension.class, BlockedThreadGuard.class})
@DisplayName("Concurrent invocations")
class ConcurrencyTest {

  private static final int CALLS = 64;
  private TestGateway gateway;
  // a field, not a local: Vert.x 5 closes an HttpClient that is no longer referenced
  private HttpClient client;

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static Future<Map.Entry<HttpClientResponse, Buffer>> call(
      HttpClient client, int port, String uri, String body) {
    return client
        .request(HttpMethod.POST, port, "127.0.0.1", uri)
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(b -> Map.entry(response, b)));
  }

  @Test
  @DisplayName("64 concurrent invocations are all answered with their own result")
  void answersEveryConcurrentCall(Vertx vertx, VertxTestContext test) {
    gateway = TestGateway.start();
    client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(CALLS));
    List<Future<Map.Entry<HttpClientResponse, Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      String uri = i % 2 == 0 ? "/probe" : "/2015-03-31/functions/probe/invocations";
      calls.add(call(client, gateway.port(), uri, "{\"sleepMs\":200,\"return\":" + i + "}"));
    }
    calls.add(call(client, gateway.port(), "/enricher", "{\"Records\":[]}"));

    Future.all(calls)
        .onComplete(
            test.succeeding(
                all ->
                    test.verify(
                        () -> {
                          for (int i = 0; i < CALLS; i++) {
                            Map.Entry<HttpClientResponse, Buffer> answer = calls.get(i).result();
                            assertThat(answer.getKey().statusCode()).isEqualTo(200);
                            assertThat(answer.getValue().toString()).isEqualTo("{\"slept\":200}");
                          }
                          assertThat(calls.get(CALLS).result().getValue().toString())
                              .isEqualTo("{\"Records\":[]}");
                          test.completeNow();
                        })));
  }

  @Test
  @DisplayName("calls beyond a function's reserved concurrency get 429 with Reason and Retry-After")
  void throttlesBeyondReservedConcurrency(Vertx vertx, VertxTestContext test) {
    gateway = TestGateway.start(Map.of(), Duration.ofSeconds(10), OptionalInt.of(2));
    client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(8));
    List<Future<Map.Entry<HttpClientResponse, Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          call(
              client,
              gateway.port(),
              "/2015-03-31/functions/probe/invocations",
              "{\"sleepMs\":1000}"));
    }

    Future.all(calls)
        .onComplete(
            test.succeeding(
                all ->
                    test.verify(
                        () -> {
                          List<Integer> statuses = new ArrayList<>();
                          calls.forEach(c -> statuses.add(c.result().getKey().statusCode()));
                          assertThat(statuses)
                              .containsOnly(200, 429)
                              .filteredOn(s -> s == 200)
                              .hasSize(2);
                          HttpClientResponse throttled =
                              calls.stream()
                                  .map(c -> c.result().getKey())
                                  .filter(r -> r.statusCode() == 429)
                                  .findFirst()
                                  .orElseThrow();
                          assertThat(throttled.getHeader("x-amzn-ErrorType"))
                              .isEqualTo("TooManyRequestsException");
                          assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
                          assertThat(
                                  calls.stream()
                                      .filter(c -> c.result().getKey().statusCode() == 429)
                                      .findFirst()
                                      .orElseThrow()
                                      .result()
                                      .getValue()
                                      .toJsonObject()
                                      .getString("Reason"))
                              .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                          test.completeNow();
                        })));
  }
}
