package io.lambdagateway.gateway.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.ext.web.RoutingContext;

/**
 * The read-only operations: ListFunctions and GetFunction shaped like Lambda's (enough for {@code
 * aws lambda list-functions} and SDK callers), and the 404 for other API paths.
 */
public final class OperationsHandler {

  private final GatewayServices services;

  public OperationsHandler(GatewayServices services) {
    this.services = services;
  }

  /** {@code GET /2015-03-31/functions}: {@code {"Functions":[Configuration...]}}. */
  public void listFunctions(RoutingContext ctx) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("Functions");
    services.functions().all().forEach(fn -> list.add(configuration(fn)));
    HttpReplies.json(ctx.response().putHeader("x-amzn-RequestId", RequestIds.next()), body);
  }

  /** {@code GET /2015-03-31/functions/{name}}: Configuration and Code, or 404. */
  public void getFunction(RoutingContext ctx) {
    String requestId = RequestIds.next();
    try {
      String segment =
          ctx.request().path().substring("/2015-03-31/functions/".length()).replaceAll("/+$", "");
      FunctionRef ref =
          FunctionRef.parse(
              segment, ctx.request().getParam("Qualifier"), services.config().region());
      HostedFunction fn =
          services
              .functions()
              .find(ref.name())
              .orElseThrow(() -> ServiceError.functionNotFound(arnOf(ref.name())));
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.set("Configuration", configuration(fn));
      body.putObject("Code").put("RepositoryType", "Local");
      fn.reservedConcurrency()
          .ifPresent(n -> body.putObject("Concurrency").put("ReservedConcurrentExecutions", n));
      HttpReplies.json(ctx.response().putHeader("x-amzn-RequestId", requestId), body);
    } catch (ServiceError error) {
      HttpReplies.serviceError(ctx.response(), error, requestId);
    }
  }

  /** Any other path under {@code /2015-03-31/}: not an operation this gateway has. */
  public void unknownOperation(RoutingContext ctx) {
    HttpReplies.serviceError(
        ctx.response(),
        ServiceError.unknownOperation(ctx.request().method().name(), ctx.request().path()),
        RequestIds.next());
  }

  private ObjectNode configuration(HostedFunction fn) {
    ObjectNode c = FunctionConfiguration.of(fn, services.config(), false);
    if (fn == services.functions().defaultFunction() && fn.facts().description().isEmpty()) {
      c.put("Description", "default function (POST / and the name 'function')");
    }
    return c;
  }

  private String arnOf(String name) {
    return services.config().functionArn(name);
  }
}
