package io.lambdagateway.gateway.http.api;

import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.http.BodyReader;
import io.lambdagateway.gateway.http.CpuWork;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.PayloadWrites;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.platform.ConcurrencyLimiter;
import io.lambdagateway.gateway.platform.InvocationOutcome;
import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}, the Lambda Invoke API.
 *
 * <p>RequestResponse → 200 + the function's bytes (function errors too, flagged by {@code
 * X-Amz-Function-Error: Unhandled}); Event → 202 once journaled (the queue retries failures);
 * DryRun → 204, not run. Service errors are AWS-shaped (see {@link ServiceError}). Signatures are
 * not checked. What a request means is decided by {@link InvokeRequest}; this class only reads the
 * body and writes the answer.
 */
public final class InvokeApiHandler {

  private final Vertx vertx;
  private final GatewayServices services;
  private final BodyReader bodies;

  public InvokeApiHandler(Vertx vertx, GatewayServices services, BodyReader bodies) {
    this.vertx = vertx;
    this.services = services;
    this.bodies = bodies;
  }

  public void handle(RoutingContext ctx) {
    String requestId = RequestIds.next();
    HttpServerRequest request = ctx.request();
    InvokeRequest invoke;
    try {
      invoke =
          InvokeRequest.parse(
              request.method().name(),
              request.path(),
              request.getParam("Qualifier"),
              request::getHeader,
              services.functions(),
              services.config());
    } catch (ServiceError error) {
      HttpReplies.serviceError(ctx.response(), error, requestId);
      return;
    }
    bodies
        .read(ctx, invoke.payloadLimit())
        .onSuccess(body -> dispatch(ctx, invoke, body, requestId))
        .onFailure(
            failure ->
                bodies.refuse(
                    request,
                    failure,
                    length ->
                        HttpReplies.serviceError(
                            ctx.response(), invoke.tooLarge(length), requestId),
                    error -> HttpReplies.serviceError(ctx.response(), error, requestId)));
  }

  private void dispatch(RoutingContext ctx, InvokeRequest invoke, Buffer body, String requestId) {
    CpuWork.run(vertx, body.length(), () -> invoke.event(body))
        .onComplete(
            event -> {
              if (event.failed()) {
                HttpReplies.serviceError(ctx.response(), ServiceError.of(event.cause()), requestId);
                return;
              }
              try {
                run(ctx, invoke, event.result(), requestId);
              } catch (Throwable failure) {
                // an Error too: the caller is answered (500 ServiceException) whatever failed
                HttpReplies.serviceError(ctx.response(), ServiceError.of(failure), requestId);
              }
            });
  }

  private void run(RoutingContext ctx, InvokeRequest invoke, Buffer event, String requestId) {
    switch (invoke.type()) {
      case DRY_RUN -> success(ctx.response(), requestId).setStatusCode(204).end();
      case EVENT -> enqueue(ctx, invoke, event, requestId);
      case SYNC -> invokeSync(ctx, invoke, event, requestId);
    }
  }

  private void invokeSync(
      RoutingContext ctx, InvokeRequest invoke, Buffer event, String requestId) {
    services
        .invoker()
        .invoke(invoke.function(), event, requestId, "invoke", invoke.clientContext())
        .onComplete(
            result -> {
              HttpServerResponse response = ctx.response();
              if (result.failed()) {
                HttpReplies.serviceError(response, ServiceError.of(result.cause()), requestId);
                return;
              }
              InvocationOutcome outcome = result.result();
              if (outcome.failed() && invoke.functionParsesEvent()) {
                // the function's parse was the JSON check: a body that is not JSON gets its 400
                CpuWork.run(vertx, event.length(), () -> invoke.requireJson(event))
                    .onSuccess(json -> answer(ctx, invoke, outcome, requestId))
                    .onFailure(
                        notJson ->
                            HttpReplies.serviceError(
                                response, ServiceError.of(notJson), requestId));
                return;
              }
              answer(ctx, invoke, outcome, requestId);
            });
  }

  private void answer(
      RoutingContext ctx, InvokeRequest invoke, InvocationOutcome outcome, String requestId) {
    HttpServerResponse response = ctx.response();
    success(response, requestId).putHeader("Content-Type", HttpReplies.APPLICATION_JSON);
    if (invoke.logTail()) {
      response.putHeader(
          "X-Amz-Log-Result", Base64.getEncoder().encodeToString(outcome.log().tail()));
    }
    if (outcome.failed()) {
      response
          .putHeader("X-Amz-Function-Error", "Unhandled")
          .end(Buffer.buffer(Json.bytes(outcome.error().toJson())));
    } else {
      PayloadWrites.end(response, outcome.payload(), invoke.function().function());
    }
  }

  private void enqueue(RoutingContext ctx, InvokeRequest invoke, Buffer event, String requestId) {
    services
        .events()
        .offer(invoke.function(), event, requestId)
        .onComplete(
            accepted -> {
              if (accepted.failed()) {
                HttpReplies.serviceError(
                    ctx.response(), ServiceError.of(accepted.cause()), requestId);
              } else if (accepted.result()) {
                success(ctx.response(), requestId).setStatusCode(202).end();
              } else {
                HttpReplies.serviceError(
                    ctx.response(),
                    ServiceError.tooManyRequests(ConcurrencyLimiter.ACCOUNT_LIMIT),
                    requestId);
              }
            });
  }

  private static HttpServerResponse success(HttpServerResponse response, String requestId) {
    return response
        .putHeader("x-amzn-RequestId", requestId)
        .putHeader("X-Amz-Executed-Version", "$LATEST");
  }
}
