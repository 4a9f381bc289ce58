package io.lambdagateway.gateway.http.dashboard;

import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.platform.LiveStats;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the dashboard routes of every event loop share: the page's assets (read once, at start-up),
 * the count of live-update clients against {@link #MAX_CLIENTS}, and the pipeline's status when a
 * status URL is configured. Thread-safe.
 */
public final class DashboardHub {

  /** Live-update streams open at once over the whole gateway; one more gets 503. */
  static final int MAX_CLIENTS = 16;

  private static final String ASSET_DIR = "/dashboard/";

  private final GatewayServices services;
  private final LiveStats live;
  private final Map<String, Buffer> assets;
  private final AtomicInteger clients;
  private final PipelineStatusPoller pipeline;

  private DashboardHub(
      GatewayServices services,
      LiveStats live,
      Map<String, Buffer> assets,
      AtomicInteger clients,
      PipelineStatusPoller pipeline) {
    this.services = services;
    this.live = live;
    this.assets = assets;
    this.clients = clients;
    this.pipeline = pipeline;
  }

  /**
   * Reads the page's assets from the classpath and prepares the JSON encoding (blocking: call it
   * from the starting thread, not an event loop) and, when a pipeline status URL is configured,
   * starts reading it.
   */
  public static DashboardHub create(Vertx vertx, GatewayServices services, LiveStats live) {
    Map<String, Buffer> assets =
        Map.of(
            "index.html", asset("index.html"),
            "dashboard.css", asset("dashboard.css"),
            "dashboard.js", asset("dashboard.js"));
    AtomicInteger clients = new AtomicInteger();
    PipelineStatusPoller poller =
        services
            .config()
            .dashboard()
            .pipelineStatusUrl()
            .map(url -> PipelineStatusPoller.start(vertx, url, () -> clients.get() > 0))
            .orElse(null);
    DashboardHub hub = new DashboardHub(services, live, assets, clients, poller);
    // Jackson builds its serializers on first use, which takes hundreds of milliseconds on a busy
    // machine: done here, not in the first page's event loop
    hub.snapshot()
        .put("pipeline", new JsonObject("{\"partitions\":[{\"lag\":1}],\"rate\":1.5,\"up\":true}"))
        .encode();
    return hub;
  }

  private static Buffer asset(String name) {
    try (InputStream in = DashboardHub.class.getResourceAsStream(ASSET_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("dashboard asset missing from the jar: " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  Buffer asset(String name, Buffer orElse) {
    return assets.getOrDefault(name, orElse);
  }

  boolean invocationLogs() {
    return services.config().dashboard().invocationLogs();
  }

  LiveStats live() {
    return live;
  }

  /** Takes a live-update place; false when {@link #MAX_CLIENTS} are taken. */
  boolean join() {
    if (clients.incrementAndGet() > MAX_CLIENTS) {
      clients.decrementAndGet();
      return false;
    }
    return true;
  }

  void leave() {
    clients.decrementAndGet();
  }

  /** The JSON every client gets: functions, recent invocations and the pipeline, when any. */
  JsonObject snapshot() {
    JsonObject snapshot = DashboardSnapshot.of(services, live, invocationLogs());
    if (pipeline != null) {
      snapshot.put("pipeline", pipeline.last());
    }
    return snapshot;
  }
}
