package io.lambdagateway.gateway.http.url;

import io.lambdagateway.gateway.GatewayServices;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.http.BodyReader;
import io.lambdagateway.gateway.http.CpuWork;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.http.PayloadWrites;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.gateway.platform.RequestIds;
import io.lambdagateway.gateway.platform.Throttled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Function URLs, the protocol Transfer speaks: any method on {@code /{function}[/...]} (any query
 * string, e.g. {@code ?integration=raw}) invokes {@code {function}}; {@code /} invokes the default
 * function. An unknown first path segment gets a 404 naming the functions that exist.
 *
 * <p>With a token configured, {@code Authorization: Bearer <token>} is required (403 otherwise).
 * Function errors and timeouts are 502 and throttles 429, as on AWS; the function error's type and
 * message are added to the 502 body to help debugging (AWS sends only the message). Transfer
 * retries every non-2xx, so a malformed batch (502) is retried too: that is Lambda's behaviour,
 * kept on purpose.
 *
 * <p>Two departures, for Transfer's engine, which resends an empty body on every retry (contract
 * §8), so that only its first attempt can succeed: a call over the concurrency limit waits for a
 * slot (up to the function's timeout, as many calls as the account limit; beyond either, 429)
 * instead of being throttled at once, and a POST with an empty body is a 400 that says why.
 */
public final class FunctionUrlHandler {

  /** Why an empty POST is refused: what a caller reading the 400 needs to know. */
  static final String EMPTY_BODY =
      "Empty request body: a function URL call needs an event, for Transfer a batch"
          + " {\"Records\":[...]}. Transfer's engine sends an empty body when it retries a call,"
          + " so look for why its first attempt failed.";

  private final Vertx vertx;
  private final GatewayServices services;
  private final BodyReader bodies;
  private final byte[] expectedAuthorization;

  public FunctionUrlHandler(Vertx vertx, GatewayServices services, BodyReader bodies) {
    this.vertx = vertx;
    this.services = services;
    this.bodies = bodies;
    this.expectedAuthorization =
        services
            .config()
            .authToken()
            .map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8))
            .orElse(null);
  }

  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String requestId = RequestIds.next();
    if (!authorized(request.getHeader("Authorization"))) {
      send(ctx.response(), FunctionUrlResponse.message(403, "Forbidden"), requestId);
      return;
    }
    HostedFunction fn = resolve(request.path());
    if (fn == null) {
      send(
          ctx.response(),
          FunctionUrlResponse.message(
              404,
              "No function at " + request.path() + "; functions: " + services.functions().names()),
          requestId);
      return;
    }
    bodies
        .read(ctx, services.config().maxSyncPayloadBytes())
        .onSuccess(body -> invokeOrFail(ctx, fn, body, requestId))
        .onFailure(
            failure ->
                bodies.refuse(
                    request,
                    failure,
                    length ->
                        send(
                            ctx.response(),
                            FunctionUrlResponse.message(413, "Request Entity Too Large"),
                            requestId),
                    error ->
                        send(
                            ctx.response(),
                            FunctionUrlResponse.message(error.status(), error.getMessage()),
                            requestId)));
  }

  private boolean authorized(String authorization) {
    if (expectedAuthorization == null) {
      return true;
    }
    return authorization != null
        && MessageDigest.isEqual(
            expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
  }

  /** The function named by the first path segment; {@code /} is the default function. */
  private HostedFunction resolve(String path) {
    int end = path.indexOf('/', 1);
    String first = end < 0 ? path.substring(1) : path.substring(1, end);
    if (first.isEmpty()) {
      return services.functions().defaultFunction();
    }
    return services.functions().find(first).orElse(null);
  }

  /** Invokes; a failure of the gateway itself (an Error too) is still answered, with a 500. */
  private void invokeOrFail(RoutingContext ctx, HostedFunction fn, Buffer body, String requestId) {
    try {
      invoke(ctx, fn, body, requestId);
    } catch (Throwable failure) {
      send(ctx.response(), FunctionUrlResponse.message(500, "Internal Server Error"), requestId);
    }
  }

  private void invoke(RoutingContext ctx, HostedFunction fn, Buffer body, String requestId) {
    if (body.length() == 0 && ctx.request().method() == HttpMethod.POST) {
      send(ctx.response(), FunctionUrlResponse.message(400, EMPTY_BODY), requestId);
      return;
    }
    Future<Buffer> event =
        fn.function().traits().rawBody()
            ? Future.succeededFuture(body)
            : eventOf(urlRequest(ctx, fn, body, requestId));
    event
        .compose(built -> services.invoker().invokeWhenFree(fn, built, requestId, "url"))
        .onComplete(
            result -> {
              if (result.failed()) {
                // the invoker fails only to throttle; anything else is the gateway's own fault
                boolean throttled = result.cause() instanceof Throttled;
                send(
                    ctx.response(),
                    throttled
                        ? FunctionUrlResponse.message(429, "Rate Exceeded.")
                        : FunctionUrlResponse.message(500, "Internal Server Error"),
                    requestId);
              } else if (result.result().failed()) {
                FunctionError error = result.result().error();
                send(
                    ctx.response(),
                    FunctionUrlResponse.functionError(error.errorType(), error.errorMessage()),
                    requestId);
              } else {
                sendResult(ctx, fn, result.result().payload(), requestId);
              }
            });
  }

  /** Maps a returned payload; the common unstructured case sends the payload as it is. */
  private void sendResult(RoutingContext ctx, HostedFunction fn, Buffer payload, String requestId) {
    if (fn.function().traits().answersAsIs()) {
      sendAsIs(ctx, payload, fn, requestId);
      return;
    }
    CpuWork.run(
            vertx,
            payload.length(),
            () -> {
              byte[] bytes = payload.getBytes();
              return FunctionUrlResponse.isStructured(bytes)
                  ? Optional.of(FunctionUrlResponse.fromPayload(bytes))
                  : Optional.<UrlReply>empty();
            })
        .onComplete(
            mapped -> {
              if (mapped.failed()) {
                send(ctx.response(), FunctionUrlResponse.functionError(), requestId);
              } else if (mapped.result().isPresent()) {
                send(ctx.response(), mapped.result().get(), requestId);
              } else {
                sendAsIs(ctx, payload, fn, requestId);
              }
            });
  }

  /** 200, application/json, the payload's own buffer (no copy, as Lambda sends a plain answer). */
  private static void sendAsIs(
      RoutingContext ctx, Buffer payload, HostedFunction fn, String requestId) {
    HttpServerResponse response =
        ctx.response()
            .putHeader("x-amzn-RequestId", requestId)
            .putHeader("content-type", HttpReplies.APPLICATION_JSON);
    PayloadWrites.end(response, payload, fn.function());
  }

  /** The 2.0 event; encoding a large body (base64 or JSON escapes) leaves the event loop. */
  private Future<Buffer> eventOf(UrlRequest request) {
    return CpuWork.run(
        vertx,
        request.body().length,
        () -> Buffer.buffer(Json.bytes(FunctionUrlEvent.build(request))));
  }

  private static UrlRequest urlRequest(
      RoutingContext ctx, HostedFunction fn, Buffer body, String requestId) {
    HttpServerRequest request = ctx.request();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    request.headers().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue())));
    String query = request.query() == null ? "" : request.query();
    String protocol =
        switch (request.version()) {
          case HTTP_1_0 -> "HTTP/1.0";
          case HTTP_2 -> "HTTP/2.0";
          default -> "HTTP/1.1";
        };
    return new UrlRequest(
        request.method().name(),
        request.path(),
        query,
        headers,
        body.getBytes(),
        protocol,
        request.remoteAddress().hostAddress(),
        requestId,
        Instant.now(),
        fn.name());
  }

  private static Future<Void> send(HttpServerResponse response, UrlReply reply, String requestId) {
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    response.setStatusCode(reply.status()).putHeader("x-amzn-RequestId", requestId);
    reply.headers().forEach(h -> response.headers().add(h.getKey(), h.getValue()));
    return response.end(Buffer.buffer(reply.body()));
  }
}
