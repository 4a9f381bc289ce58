package io.lambdagateway.gateway.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Runtime API side of one execution environment, reduced to what a runtime client's
 * conversation needs, so our clients' requests can be checked one by one in real node and python3
 * processes: hands out queued events on {@code GET next} with AWS's headers and records what the
 * client posts. Runs on its own threads (the JDK's HTTP server), not on an event loop.
 */
final class RuntimeApiStandIn implements AutoCloseable {

  static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:f";

  /** What the client posted for an invocation or its init. */
  record Posted(String kind, String errorType, String body) {}

  private record Event(String requestId, String body, long deadlineMs) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Posted>> answers = new ConcurrentHashMap<>();
  private final CompletableFuture<Posted> initError = new CompletableFuture<>();

  RuntimeApiStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/2018-06-01/runtime/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event; the future completes with what the client posts for it. */
  CompletableFuture<Posted> invoke(String event, long timeoutMs) {
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Posted> answer = new CompletableFuture<>();
    answers.put(requestId, answer);
    events.add(new Event(requestId, event, System.currentTimeMillis() + timeoutMs));
    return answer;
  }

  CompletableFuture<Posted> initError() {
    return initError;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring("/2018-06-01/runtime".length());
      if (exchange.getRequestMethod().equals("GET") && path.equals("/invocation/next")) {
        sendNext(exchange);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String errorType =
          exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
      if (path.equals("/init/error")) {
        initError.complete(new Posted("init/error", errorType, body));
      } else {
        String[] parts = path.split("/");
        answers.get(parts[2]).complete(new Posted(parts[3], errorType, body));
      }
      exchange.sendResponseHeaders(202, -1);
    }
  }

  private void sendNext(HttpExchange exchange) throws IOException {
    Event event;
    try {
      event = events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(500, -1);
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.add("Lambda-Runtime-Aws-Request-Id", event.requestId());
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineMs()));
    headers.add("Lambda-Runtime-Invoked-Function-Arn", ARN);
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
    byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
