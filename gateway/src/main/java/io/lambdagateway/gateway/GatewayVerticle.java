package io.lambdagateway.gateway;

import io.lambdagateway.gateway.http.BenchEcho;
import io.lambdagateway.gateway.http.InvalidRequestHandler;
import io.lambdagateway.gateway.http.api.InvokeApiHandler;
import io.lambdagateway.gateway.http.api.OperationsHandler;
import io.lambdagateway.gateway.http.auth.SigV4Guard;
import io.lambdagateway.gateway.http.url.FunctionUrlHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance of the gateway; one is deployed per event loop, all on one port.
 *
 * <p>Route precedence: {@code /health}, {@code /metrics}, the {@code /2015-03-31/} API and the
 * bench echo route first; every other path is a function URL. {@link #stop()} shuts the server down
 * gracefully: no new connections, in-flight calls may finish within the grace period.
 */
final class GatewayVerticle extends VerticleBase {

  private final GatewayServices services;
  private final int port;
  private HttpServer server;

  GatewayVerticle(GatewayServices services, int port) {
    this.services = services;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    server =
        vertx
            .createHttpServer(serverOptions())
            .invalidRequestHandler(new InvalidRequestHandler())
            .requestHandler(SigV4Guard.protect(vertx, services.config(), router()));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
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
        .setDecompressionSupported(true);
  }

  private Router router() {
    InvokeApiHandler invoke = new InvokeApiHandler(vertx, services);
    FunctionUrlHandler functionUrls = new FunctionUrlHandler(vertx, services);
    OperationsHandler operations = new OperationsHandler(services);
    Router router = Router.router(vertx);
    router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(healthChecks()));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(services.registry()));
    router.post("/2015-03-31/functions/:name/invocations").handler(invoke::handle);
    router.get("/2015-03-31/functions").handler(operations::listFunctions);
    router.get("/2015-03-31/functions/").handler(operations::listFunctions);
    router.get("/2015-03-31/functions/:name").handler(operations::getFunction);
    router.route("/2015-03-31/*").handler(operations::unknownOperation);
    if (services.config().benchEcho()) {
      router.post("/bench/echo").handler(BenchEcho.create(services.config().maxSyncPayloadBytes()));
    }
    router.route().handler(functionUrls::handle);
    return router;
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
