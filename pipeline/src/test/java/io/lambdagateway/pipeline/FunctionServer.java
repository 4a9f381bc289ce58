package io.lambdagateway.pipeline;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real HTTP server speaking Transfer's function-URL protocol in tests: every POST body is handed
 * to the real {@link Enricher} and its answer returned with 200. It can be told to fail the next k
 * calls (HTTP 503), to answer after a delay or with another function, and be stopped and restarted
 * on its port.
 */
final class FunctionServer {

  /** The {@code ip} column the test enricher writes. */
  static final String PUBLIC_IP = "203.0.113.7";

  private static final int KEPT_REQUESTS = 50;

  private final Vertx vertx;
  private final Enricher enricher = Enricher.create(new EnricherConfig(PUBLIC_IP, false));
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicInteger failuresToServe = new AtomicInteger();
  private final AtomicInteger failuresServed = new AtomicInteger();
  private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();
  private volatile long delayMs;
  private volatile UnaryOperator<byte[]> function;
  private HttpServer server;
  private int port;

  /** One request as received. */
  record SeenRequest(String uri, MultiMap headers, String body) {}

  private FunctionServer(Vertx vertx) {
    this.vertx = vertx;
  }

  static FunctionServer start(Vertx vertx) {
    FunctionServer function = new FunctionServer(vertx);
    function.listen(0);
    return function;
  }

  /** Base URL for the function-URL target. */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  void failNext(int count) {
    failuresToServe.set(count);
  }

  /** Answers with {@code replacement} instead of the enricher. */
  void function(UnaryOperator<byte[]> replacement) {
    function = replacement;
  }

  void delay(long millis) {
    delayMs = millis;
  }

  int calls() {
    return calls.get();
  }

  int probes() {
    return probes.get();
  }

  int failuresServed() {
    return failuresServed.get();
  }

  List<SeenRequest> seen() {
    return seen;
  }

  void stop() {
    server.close().await();
  }

  void restart() {
    listen(port);
  }

  private void listen(int wantedPort) {
    server =
        vertx
            .createHttpServer()
            .requestHandler(this::handle)
            .listen(wantedPort, "127.0.0.1")
            .await();
    port = server.actualPort();
  }

  private byte[] answer(byte[] request) {
    UnaryOperator<byte[]> replacement = function;
    return replacement == null ? enricher.transform(request) : replacement.apply(request);
  }

  private void handle(HttpServerRequest request) {
    request
        .body()
        .onSuccess(
            body -> {
              calls.incrementAndGet();
              String text = body.toString();
              if (text.equals("{\"Records\":[]}")) {
                probes.incrementAndGet();
              }
              if (seen.size() < KEPT_REQUESTS) {
                seen.add(
                    new SeenRequest(
                        request.uri(),
                        MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                        text.length() > 200 ? text.substring(0, 200) : text));
              }
              if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failuresServed.incrementAndGet();
                request
                    .response()
                    .setStatusCode(503)
                    .end("{\"message\":\"unavailable for the test\"}");
                return;
              }
              Future<Void> wait = delayMs > 0 ? vertx.timer(delayMs) : Future.succeededFuture();
              wait.onSuccess(
                  v ->
                      request
                          .response()
                          .putHeader("Content-Type", "application/json")
                          .end(Buffer.buffer(answer(body.getBytes()))));
            });
  }
}
