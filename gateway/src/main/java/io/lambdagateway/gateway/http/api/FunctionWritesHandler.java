package io.lambdagateway.gateway.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.deploy.Deployment;
import io.lambdagateway.gateway.deploy.Deployments;
import io.lambdagateway.gateway.deploy.FunctionRequestBody;
import io.lambdagateway.gateway.deploy.UploadedFile;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The Lambda API's write calls for functions deployed from a zip: CreateFunction (201),
 * UpdateFunctionCode and UpdateFunctionConfiguration (200 + the configuration), DeleteFunction
 * (204), Put/DeleteFunctionConcurrency and Tag/UntagResource, plus ListTags of their tags. A body
 * is streamed to a temporary file ({@link UploadedFile}) and parsed on a worker, so a 50 MB zip
 * never sits in memory; what each call changes is decided by {@link Deployments}. Every call is
 * refused with a 403 {@code AccessDeniedException} saying why when write calls are off ({@link
 * io.lambdagateway.gateway.deploy.WriteAccess}).
 */
public final class FunctionWritesHandler {

  private final Vertx vertx;
  private final GatewayServices services;
  private final Deployments deployments;

  public FunctionWritesHandler(Vertx vertx, GatewayServices services) {
    this.vertx = vertx;
    this.services = services;
    this.deployments = services.deployments();
  }

  /** {@code POST /2015-03-31/functions}. */
  public void createFunction(RoutingContext ctx) {
    withBody(
        ctx,
        "CreateFunction",
        body ->
            deployments
                .create(body.fields(), body.zip())
                .map(d -> reply(ctx, 201, configuration(d))));
  }

  /** {@code PUT /2015-03-31/functions/{name}/code}. */
  public void updateCode(RoutingContext ctx) {
    withBody(
        ctx,
        "UpdateFunctionCode",
        body ->
            deployments
                .updateCode(name(ctx), body.fields(), body.zip())
                .map(d -> reply(ctx, 200, configuration(d))));
  }

  /** {@code PUT /2015-03-31/functions/{name}/configuration}. */
  public void updateConfiguration(RoutingContext ctx) {
    withBody(
        ctx,
        "UpdateFunctionConfiguration",
        body ->
            deployments
                .updateConfiguration(name(ctx), body.fields())
                .map(d -> reply(ctx, 200, configuration(d))));
  }

  /** {@code DELETE /2015-03-31/functions/{name}}. */
  public void deleteFunction(RoutingContext ctx) {
    withBody(
        ctx,
        "DeleteFunction",
        body -> {
          String name = name(ctx);
          return deployments.delete(name).map(done -> reply(ctx, 204, null));
        });
  }

  /** {@code PUT /2017-10-31/functions/{name}/concurrency}. */
  public void putConcurrency(RoutingContext ctx) {
    withBody(
        ctx,
        "PutFunctionConcurrency",
        body -> {
          JsonNode n = body.fields().get("ReservedConcurrentExecutions");
          if (n == null || !n.isIntegralNumber() || n.asInt() < 0) {
            throw ServiceError.invalidParameter(
                "ReservedConcurrentExecutions must be a whole number, 0 or more");
          }
          return deployments
              .reserveConcurrency(name(ctx), OptionalInt.of(n.asInt()))
              .map(
                  d -> {
                    ObjectNode answer = JsonNodeFactory.instance.objectNode();
                    answer.put("ReservedConcurrentExecutions", n.asInt());
                    return reply(ctx, 200, answer);
                  });
        });
  }

  /** {@code DELETE /2017-10-31/functions/{name}/concurrency}. */
  public void deleteConcurrency(RoutingContext ctx) {
    withBody(
        ctx,
        "DeleteFunctionConcurrency",
        body ->
            deployments
                .reserveConcurrency(name(ctx), OptionalInt.empty())
                .map(d -> reply(ctx, 204, null)));
  }

  /** {@code POST /2017-03-31/tags/{arn}}: TagResource. */
  public void tagResource(RoutingContext ctx) {
    withBody(
        ctx,
        "TagResource",
        body -> {
          JsonNode tags = body.fields().path("Tags");
          Map<String, String> add = tagMap(tags);
          return deployments.tag(name(ctx), add, Set.of()).map(d -> reply(ctx, 204, null));
        });
  }

  /** {@code DELETE /2017-03-31/tags/{arn}?tagKeys=...}: UntagResource. */
  public void untagResource(RoutingContext ctx) {
    withBody(
        ctx,
        "UntagResource",
        body ->
            deployments
                .tag(name(ctx), Map.of(), new HashSet<>(ctx.queryParam("tagKeys")))
                .map(d -> reply(ctx, 204, null)));
  }

  /**
   * Checks that write calls are on, streams the body to a file, parses it on a worker and runs
   * {@code call}; any failure becomes one AWS-shaped error.
   */
  private void withBody(
      RoutingContext ctx, String operation, Function<FunctionRequestBody, Future<Void>> call) {
    String requestId = RequestIds.next();
    HttpServerRequest request = ctx.request();
    var refusal = deployments.refusal();
    if (refusal.isPresent()) {
      refuseUnread(ctx, ServiceError.accessDenied(refusal.get()), requestId);
      return;
    }
    UploadedFile.save(vertx, request, Deployments.MAX_REQUEST_BYTES)
        .compose(
            file ->
                vertx.executeBlocking(
                    () -> {
                      try {
                        return FunctionRequestBody.read(file, Deployments.MAX_ZIP_BYTES);
                      } finally {
                        Files.deleteIfExists(file);
                      }
                    },
                    false))
        .compose(call)
        .onFailure(
            failure -> {
              if (failure instanceof UploadedFile.TooLarge) {
                refuseUnread(
                    ctx,
                    ServiceError.requestTooLarge(
                        "Request must be smaller than "
                            + Deployments.MAX_REQUEST_BYTES
                            + " bytes for the "
                            + operation
                            + " operation"),
                    requestId);
              } else {
                HttpReplies.serviceError(ctx.response(), ServiceError.of(failure), requestId);
              }
            });
  }

  private static void refuseUnread(RoutingContext ctx, ServiceError error, String requestId) {
    if (ctx.request().isEnded()) {
      HttpReplies.serviceError(ctx.response(), error, requestId);
      return;
    }
    ctx.response().putHeader("Connection", "close");
    HttpReplies.serviceError(ctx.response(), error, requestId)
        .onComplete(sent -> ctx.request().connection().close());
  }

  private Void reply(RoutingContext ctx, int status, ObjectNode body) {
    ctx.response().setStatusCode(status).putHeader("x-amzn-RequestId", RequestIds.next());
    if (body == null) {
      ctx.response().end();
    } else {
      HttpReplies.json(ctx.response(), body);
    }
    return null;
  }

  /** The function named by the path's {@code name} (a name or an ARN). */
  private String name(RoutingContext ctx) {
    return FunctionRef.parse(ctx.pathParam("name"), null, services.config().region()).name();
  }

  /** The function's configuration as GetFunction reports it. */
  private ObjectNode configuration(Deployment d) {
    return FunctionConfiguration.of(
        services
            .functions()
            .find(d.name())
            .orElseThrow(
                () -> ServiceError.functionNotFound(services.config().functionArn(d.name()))),
        services.config(),
        false);
  }

  private static Map<String, String> tagMap(JsonNode tags) {
    if (!tags.isObject()) {
      throw ServiceError.invalidParameter("Tags must be a map of strings");
    }
    Map<String, String> map = new java.util.LinkedHashMap<>();
    tags.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
