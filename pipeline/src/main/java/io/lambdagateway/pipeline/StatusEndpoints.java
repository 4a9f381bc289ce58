package io.lambdagateway.pipeline;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * The pipeline's status over HTTP: {@code GET /metrics} (Prometheus text), {@code GET /health}
 * ({@code 200 {"status":"UP"}}, or {@code 503 {"status":"DOWN","stalled":true}} while a batch keeps
 * failing after its retries) and {@code GET /status} (the JSON the gateway's dashboard shows, see
 * {@link PipelineStatus}). Anything else is 404.
 */
public final class StatusEndpoints {

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
        case "/health" ->
            request
                .response()
                .setStatusCode(pipeline.stalled() ? 503 : 200)
                .putHeader("Content-Type", "application/json")
                .end(
                    pipeline.stalled()
                        ? "{\"status\":\"DOWN\",\"stalled\":true}"
                        : "{\"status\":\"UP\"}");
        default -> request.response().setStatusCode(404).end();
      }
    };
  }
}
