package io.lambdagateway.gateway.http.dashboard;

import io.lambdagateway.gateway.platform.RecentInvocation;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The dashboard's routes on one event loop. {@code GET}/{@code HEAD /} is the page; everything else
 * lives under {@link #PREFIX}, which cannot clash with a function URL because a function name
 * cannot contain a dot: {@code status} (the JSON snapshot), {@code events} (the same snapshot every
 * second over server-sent events), {@code invocations/{requestId}/log} (a recent invocation's log
 * lines, only with {@code --dashboard-logs}) and the page's script and style.
 */
public final class DashboardRoutes {

  /** The reserved path prefix of the dashboard's own routes. */
  public static final String PREFIX = "/.gateway/";

  private static final String JSON = "application/json";
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src data:";

  private final DashboardHub hub;
  private final LiveStream stream;

  public DashboardRoutes(Vertx vertx, DashboardHub hub) {
    this.hub = hub;
    this.stream = new LiveStream(vertx, hub);
  }

  /** Adds the routes to {@code router}; mount them after the API routes, before function URLs. */
  public void mount(Router router) {
    router.get("/").handler(ctx -> asset(ctx, "index.html", "text/html; charset=utf-8"));
    router.head("/").handler(ctx -> asset(ctx, "index.html", "text/html; charset=utf-8"));
    router
        .get(PREFIX + "dashboard.js")
        .handler(ctx -> asset(ctx, "dashboard.js", "text/javascript; charset=utf-8"));
    router
        .get(PREFIX + "dashboard.css")
        .handler(ctx -> asset(ctx, "dashboard.css", "text/css; charset=utf-8"));
    router.get(PREFIX + "status").handler(this::status);
    router.get(PREFIX + "events").handler(stream::open);
    router.get(PREFIX + "invocations/:requestId/log").handler(this::log);
    router.route(PREFIX + "*").handler(ctx -> message(ctx.response(), 404, "no such page"));
  }

  /** Ends every live-update stream of this event loop, so that a graceful stop need not wait. */
  public void close() {
    stream.close();
  }

  private void asset(RoutingContext ctx, String name, String contentType) {
    ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(hub.asset(name, Buffer.buffer()));
  }

  private void status(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", JSON)
        .putHeader("Cache-Control", "no-store")
        .end(hub.snapshot().toBuffer());
  }

  private void log(RoutingContext ctx) {
    if (!hub.invocationLogs()) {
      message(
          ctx.response(),
          403,
          "invocation logs are off: start the gateway with --dashboard-logs"
              + " (GATEWAY_DASHBOARD_LOGS=true) to see them here");
      return;
    }
    Optional<RecentInvocation> call = hub.live().find(ctx.pathParam("requestId"));
    if (call.isEmpty()) {
      message(ctx.response(), 404, "not among the recent invocations");
      return;
    }
    ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(call.get().logText());
  }

  private static void message(HttpServerResponse response, int status, String message) {
    response
        .setStatusCode(status)
        .putHeader("Content-Type", JSON)
        .end(new JsonObject().put("message", message).toBuffer());
  }
}
