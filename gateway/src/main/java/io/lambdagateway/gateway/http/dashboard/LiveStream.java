package io.lambdagateway.gateway.http.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The dashboard's server-sent events on one event loop: every {@link #PERIOD_MS} each open stream
 * gets the snapshot as one {@code data:} event. Bounded: at most {@link DashboardHub#MAX_CLIENTS}
 * streams over the gateway (503 past it), and a client that does not read (its unsent bytes past
 * {@link #MAX_UNSENT_BYTES}) is disconnected rather than buffered for. The timer runs only while
 * this event loop has a stream. Used on its event loop only.
 */
final class LiveStream {

  static final long PERIOD_MS = 1000;
  static final int MAX_UNSENT_BYTES = 256 * 1024;

  private final Vertx vertx;
  private final DashboardHub hub;
  private final Set<HttpServerResponse> open = new LinkedHashSet<>();
  private long timer = -1;

  LiveStream(Vertx vertx, DashboardHub hub) {
    this.vertx = vertx;
    this.hub = hub;
  }

  void open(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (!hub.join()) {
      response
          .setStatusCode(503)
          .putHeader("Retry-After", "10")
          .end("too many dashboards are open: close one");
      return;
    }
    response
        .setChunked(true)
        .setWriteQueueMaxSize(MAX_UNSENT_BYTES)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-store")
        .closeHandler(closed -> forget(response));
    open.add(response);
    response.write("retry: 2000\n\n");
    send(response, event());
    if (timer < 0) {
      timer = vertx.setPeriodic(PERIOD_MS, id -> tick());
    }
  }

  /** Ends every stream (the gateway stops). */
  void close() {
    Set.copyOf(open).forEach(response -> response.end());
    open.forEach(response -> hub.leave());
    open.clear();
    stopTimer();
  }

  private void tick() {
    Buffer event = event();
    Set.copyOf(open).forEach(response -> send(response, event));
  }

  private void send(HttpServerResponse response, Buffer event) {
    if (response.writeQueueFull()) {
      // a client that does not keep up is let go: it reconnects and starts from a fresh snapshot
      response.reset();
      forget(response);
      return;
    }
    response.write(event);
  }

  private Buffer event() {
    String json = hub.snapshot().encode();
    return Buffer.buffer("data: " + json + "\n\n", StandardCharsets.UTF_8.name());
  }

  private void forget(HttpServerResponse response) {
    if (open.remove(response)) {
      hub.leave();
    }
    if (open.isEmpty()) {
      stopTimer();
    }
  }

  private void stopTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
