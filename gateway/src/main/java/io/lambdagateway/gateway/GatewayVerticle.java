package io.lambdagateway.gateway;

import io.lambdagateway.gateway.http.BenchAnswer;
import io.lambdagateway.gateway.http.BenchEcho;
import io.lambdagateway.gateway.http.BodyBudget;
import io.lambdagateway.gateway.http.BodyReader;
import io.lambdagateway.gateway.http.ClientErrorLog;
import io.lambdagateway.gateway.http.HeaderWatch;
import io.lambdagateway.gateway.http.InvalidRequestHandler;
import io.lambdagateway.gateway.http.ProtocolErrors;
import io.lambdagateway.gateway.http.api.FunctionWritesHandler;
import io.lambdagateway.gateway.http.api.InvokeApiHandler;
import io.lambdagateway.gateway.http.api.ReadRoutes;
import io.lambdagateway.gateway.http.auth.SigV4Guard;
import io.lambdagateway.gateway.http.dashboard.DashboardHub;
import io.lambdagateway.gateway.http.dashboard.DashboardRoutes;
import io.lambdagateway.gateway.http.url.FunctionUrlHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance of the gateway; one is deployed per event loop, all on one port.
 *
 * <p>Route precedence: {@code /health}, {@code /metrics}, the Lambda API (every path under a
 * version prefix such as {@code /2015-03-31/}: {@link ReadRoutes}) and the bench echo route first,
 * then the dashboard ({@code GET}/{@code HEAD /} and {@link DashboardRoutes#PREFIX}); every other
 * path is a function URL. {@link #stop()} shuts the server down gracefully: no new connections,
 * in-flight calls may finish within the grace period.
 *
 * <p>Before any route: the {@link HeaderWatch} deadline of the request's connection stops, and a
 * request with a bad percent-escape or ambiguous framing is refused ({@link ProtocolErrors}); any
 * failure a route leaves unhandled gets {@link ProtocolErrors#answerFailure}'s one JSON answer.
 * Bodies are read within the gateway-wide {@link BodyBudget}.
 */
final class GatewayVerticle extends VerticleBase {

  private final GatewayServices services;
  private final int port;
  private final BodyBudget bodyBudget;
  private final ClientErrorLog clientErrors;
  private final ProtocolErrors protocolErrors;
  private final DashboardHub dashboardHub;
  private DashboardRoutes dashboard;
  private HttpServer server;
  private BodyReader bodies;

  GatewayVerticle(
      GatewayServices services,
      int port,
      BodyBudget bodyBudget,
      ClientErrorLog clientErrors,
      DashboardHub dashboardHub) {
    this.services = services;
    this.dashboardHub = dashboardHub;
    this.port = port;
    this.bodyBudget = bodyBudget;
    this.clientErrors = clientErrors;
    this.protocolErrors = new ProtocolErrors(clientErrors);
  }

  @Override
  public Future<?> start() {
    bodies = new BodyReader(vertx, bodyBudget, services.config().httpLimits(), clientErrors);
    server =
        vertx
            .createHttpServer(serverOptions())
            .invalidRequestHandler(new InvalidRequestHandler(clientErrors))
            .connectionHandler(
                connection ->
                    HeaderWatch.watch(
                        connection, services.config().httpLimits().headerTimeout(), clientErrors))
            .requestHandler(
                guarded(SigV4Guard.protect(vertx, services.config(), bodies, router())));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    // the live-update streams never end by themselves: the graceful shutdown would wait for them
    dashboard.close();
    return server.shutdown(services.config().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port this instance listens on (the chosen one when configured as 0). */
  int actualPort() {
    return server.actualPort();
  }

  private HttpServerOptions serverOptions() {
    GatewayConfig config = services.config();
    return new HttpServerOptions()
        .setHost(config.host())
        .setPort(port)
        .setMaxHeaderSize(config.maxHeaderBytes())
        .setMaxInitialLineLength(config.maxRequestLineBytes())
        .setIdleTimeout((int) config.idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setHandle100ContinueAutomatically(true)
        // BodyReader inflates gzip and deflate itself, to answer a bad encoding with a 400
        .setDecompressionSupported(false)
        .setHttp2ClearTextEnabled(config.httpLimits().http2())
        .setInitialSettings(
            new Http2Settings().setMaxConcurrentStreams(config.httpLimits().http2MaxStreams()));
  }

  /**
   * The router behind the checks it cannot make itself: the request's headers are complete (its
   * {@link HeaderWatch} deadline stops), its URI decodes and, when access keys are configured, an
   * API request is signed ({@link SigV4Guard}).
   */
  private Handler<HttpServerRequest> guarded(Handler<HttpServerRequest> router) {
    return request -> {
      HeaderWatch watch = HeaderWatch.of(request.connection());
      if (watch != null) {
        watch.requestStarted();
      }
      if (!protocolErrors.refusedBadEscape(request)) {
        router.handle(request);
      } else if (watch != null) {
        watch.requestEnded();
      }
    };
  }

  private Router router() {
    InvokeApiHandler invoke = new InvokeApiHandler(vertx, services, bodies);
    FunctionUrlHandler functionUrls = new FunctionUrlHandler(vertx, services, bodies);
    dashboard = new DashboardRoutes(vertx, dashboardHub);
    FunctionWritesHandler writes = new FunctionWritesHandler(vertx, services);
    Router router = Router.router(vertx);
    router.route().handler(protocolErrors::checkHeaders);
    router.route().failureHandler(protocolErrors::answerFailure);
    router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(healthChecks()));
    router.head("/health").handler(this::headHealth);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(services.registry()));
    router.post("/2015-03-31/functions/:name/invocations").handler(invoke::handle);
    router.post("/2015-03-31/functions").handler(writes::createFunction);
    router.post("/2015-03-31/functions/").handler(writes::createFunction);
    router.put("/2015-03-31/functions/:name/code").handler(writes::updateCode);
    router.put("/2015-03-31/functions/:name/configuration").handler(writes::updateConfiguration);
    router.delete("/2015-03-31/functions/:name").handler(writes::deleteFunction);
    router.put("/2017-10-31/functions/:name/concurrency").handler(writes::putConcurrency);
    router.delete("/2017-10-31/functions/:name/concurrency").handler(writes::deleteConcurrency);
    router.post("/2017-03-31/tags/:name").handler(writes::tagResource);
    router.delete("/2017-03-31/tags/:name").handler(writes::untagResource);
    ReadRoutes.add(router, services);
    ReadRoutes.refuseTheRest(router, services);
    if (services.config().benchEcho()) {
      router
          .post("/bench/echo")
          .handler(BenchEcho.create(bodies, services.config().maxSyncPayloadBytes()));
      router
          .post("/bench/answer")
          .handler(
              BenchAnswer.create(
                  vertx,
                  bodies,
                  services.config().maxSyncPayloadBytes(),
                  services.functions().defaultFunction().function()));
    }
    dashboard.mount(router);
    router.route().handler(functionUrls::handle);
    return router;
  }

  /** {@code HEAD /health}: the status of {@code GET /health} (200 up, 503 draining), no body. */
  private void headHealth(RoutingContext ctx) {
    ctx.response().setStatusCode(services.draining().get() ? 503 : 200).end();
  }

  private HealthChecks healthChecks() {
    return HealthChecks.create(vertx)
        .register(
            "server",
            promise -> promise.complete(services.draining().get() ? Status.KO() : Status.OK()))
        .register(
            "functions",
            promise ->
                promise.complete(
                    Status.OK(
                        new JsonObject()
                            .put("default", services.functions().defaultFunction().name())
                            .put("names", services.functions().names()))))
        .register(
            "event-queue",
            promise ->
                promise.complete(
                    Status.OK(new JsonObject().put("queuedOrRunning", services.events().size()))));
  }
}
