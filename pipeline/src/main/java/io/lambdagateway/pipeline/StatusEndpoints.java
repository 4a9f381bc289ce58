package io.lambdagateway.pipeline;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The pipeline's status over HTTP: {@code GET /} (a page that shows {@code /status} and reads it
 * again every 2 s), {@code GET /metrics} (Prometheus text), {@code GET /health} ({@code 200
 * {"status":"UP"}}; {@code 503 {"status":"DOWN","stalled":true}} while a batch keeps failing after
 * its retries; {@code 503 {"status":"DOWN","stalled":false,"reason":"cannot reach Kafka at ...
 * (...)"}} while Kafka does not answer) and {@code GET /status} (the JSON the gateway's dashboard
 * shows, see {@link PipelineStatus}). Anything else is 404.
 */
public final class StatusEndpoints {

  private static final Buffer PAGE = page();

  private StatusEndpoints() {}

  /**
   * A request handler serving the status of {@code pipeline}, whose meters are in {@code registry}.
   */
  public static Handler<HttpServerRequest> create(
      PrometheusMeterRegistry registry, PipelineVerticle pipeline) {
    PipelineStatus status =
        new PipelineStatus(registry, pipeline::stalled, pipeline::partitionLag, System::nanoTime);
    return request -> {
      switch (request.path()) {
        case "/" ->
            request
                .response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(PAGE);
        case "/status" ->
            request
                .response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(status.json());
        case "/metrics" ->
            request
                .response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape());
        case "/health" -> health(request, pipeline);
        default -> request.response().setStatusCode(404).end();
      }
    };
  }

  private static void health(HttpServerRequest request, PipelineVerticle pipeline) {
    Optional<String> kafkaAway = pipeline.kafkaAway();
    boolean up = !pipeline.stalled() && kafkaAway.isEmpty();
    JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN");
    if (!up) {
      body.put("stalled", pipeline.stalled());
      kafkaAway.ifPresent(reason -> body.put("reason", reason));
    }
    request
        .response()
        .setStatusCode(up ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  /** The page, read once from the jar: a class initialiser, so never on an event loop's turn. */
  private static Buffer page() {
    try (InputStream in = StatusEndpoints.class.getResourceAsStream("status.html")) {
      if (in == null) {
        throw new IllegalStateException("status.html missing from the jar");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
