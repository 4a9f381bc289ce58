package io.lambdagateway.gateway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.transfer.LambdaLimits;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The Runtime API (version 2018-06-01) of one execution environment, on its own listener on
 * 127.0.0.1 and an ephemeral port that only that environment's process is told about.
 *
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next}: long poll, never timed out; 200 with the
 *       event as body and the {@code Lambda-Runtime-*} headers.
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response}: 202 {@code {"status":"OK"}}; a
 *       body over 6 MiB + 100 bytes gets 413 {@code RequestEntityTooLarge} and the caller {@code
 *       Function.ResponseSizeTooLarge}.
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/error}: 202; the caller gets the posted
 *       body as the function error, typed by {@code Lambda-Runtime-Function-Error-Type}.
 *   <li>{@code POST /2018-06-01/runtime/init/error}: 202; the waiting call fails with it.
 * </ul>
 *
 * A wrong request id is 400 {@code InvalidRequestID}; a post with nothing outstanding or a second
 * answer is 403 {@code InvalidStateTransition}, as in RIE's {@code rapi} handlers.
 */
final class RuntimeApiServer {

  static final String PREFIX = "/2018-06-01/runtime/";
  static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

  private static final Buffer ACCEPTED = Buffer.buffer("{\"status\":\"OK\"}");

  private final RuntimeChannel channel;
  private final Context context;
  private final HttpServer server;

  private RuntimeApiServer(RuntimeChannel channel, Context context, HttpServer server) {
    this.channel = channel;
    this.context = context;
    this.server = server;
  }

  /**
   * Starts a listener for {@code channel} on 127.0.0.1 and a free port, on an event-loop context of
   * its own. Not on the caller's: a server created in a verticle's context is closed when that
   * verticle is undeployed, which on shutdown would cut off the runtime's pending {@code /next}
   * before its process is stopped; this one lives until its environment closes it.
   */
  static Future<RuntimeApiServer> start(Vertx vertx, RuntimeChannel channel) {
    Context context = ((VertxInternal) vertx).createEventLoopContext();
    Promise<RuntimeApiServer> started = Promise.promise();
    context.runOnContext(
        onItsContext -> {
          try {
            HttpServer server =
                vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
            RuntimeApiServer api = new RuntimeApiServer(channel, context, server);
            server.requestHandler(api::handle);
            server.listen().map(listening -> api).onComplete(started);
          } catch (RuntimeException failed) {
            // the environment must hear of it, else its call would wait for a runtime forever
            started.tryFail(failed);
          }
        });
    return started.future();
  }

  /** The port to put into {@code AWS_LAMBDA_RUNTIME_API}. */
  int port() {
    return server.actualPort();
  }

  Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    String[] parts =
        path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
    if (request.method() == HttpMethod.GET && is(parts, "invocation", "next")) {
      next(request);
    } else if (request.method() == HttpMethod.POST
        && parts.length == 3
        && "invocation".equals(parts[0])) {
      if ("response".equals(parts[2])) {
        response(request, parts[1]);
      } else if ("error".equals(parts[2])) {
        invocationError(request, parts[1]);
      } else {
        reply(request.response(), RuntimeApiError.notFound());
      }
    } else if (request.method() == HttpMethod.POST && is(parts, "init", "error")) {
      initError(request);
    } else {
      reply(request.response(), RuntimeApiError.notFound());
    }
  }

  private static boolean is(String[] parts, String first, String second) {
    return parts.length == 2 && first.equals(parts[0]) && second.equals(parts[1]);
  }

  private void next(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    Consumer<RuntimeEvent> delivery = event -> context.runOnContext(v -> send(response, event));
    RuntimeApiError refused = channel.next(delivery);
    if (refused != null) {
      reply(response, refused);
    } else {
      response.closeHandler(v -> channel.abandon(delivery));
    }
  }

  private static void send(HttpServerResponse response, RuntimeEvent event) {
    response
        .putHeader("Content-Type", "application/json")
        .putHeader("Lambda-Runtime-Aws-Request-Id", event.requestId())
        .putHeader("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineMillis()))
        .putHeader("Lambda-Runtime-Invoked-Function-Arn", event.functionArn())
        .putHeader("Lambda-Runtime-Trace-Id", event.traceId());
    event.clientContext().ifPresent(c -> response.putHeader("Lambda-Runtime-Client-Context", c));
    event
        .cognitoIdentity()
        .ifPresent(c -> response.putHeader("Lambda-Runtime-Cognito-Identity", c));
    response.end(event.payload());
  }

  private void response(HttpServerRequest request, String requestId) {
    BoundedBody.read(request, LambdaLimits.MAX_RESPONSE_BYTES)
        .onSuccess(
            body -> {
              RuntimeApiError refused = channel.checkAnswer(requestId, "InvocationResponse");
              if (refused == null && body.tooLarge()) {
                refused =
                    channel.fail(
                        requestId, FunctionError.responseTooLarge(LambdaLimits.MAX_RESPONSE_BYTES));
                reply(request.response(), refused == null ? RuntimeApiError.tooLarge() : refused);
                return;
              }
              if (refused == null) {
                refused = channel.respond(requestId, body.bytes());
              }
              answer(request.response(), refused);
            })
        .onFailure(broken -> request.connection().close());
  }

  private void invocationError(HttpServerRequest request, String requestId) {
    BoundedBody.read(request, LambdaLimits.MAX_RESPONSE_BYTES)
        .onSuccess(
            body -> {
              RuntimeApiError refused = channel.checkAnswer(requestId, "InvocationErrorResponse");
              if (refused == null) {
                refused =
                    body.tooLarge()
                        ? RuntimeApiError.tooLarge()
                        : channel.fail(requestId, postedError(request, body.bytes()));
              }
              answer(request.response(), refused);
            })
        .onFailure(broken -> request.connection().close());
  }

  private void initError(HttpServerRequest request) {
    BoundedBody.read(request, LambdaLimits.MAX_RESPONSE_BYTES)
        .onSuccess(
            body ->
                answer(
                    request.response(),
                    body.tooLarge()
                        ? RuntimeApiError.tooLarge()
                        : channel.initError(postedError(request, body.bytes()))))
        .onFailure(broken -> request.connection().close());
  }

  /**
   * The error a runtime posted: its JSON object as it is, typed by the error-type header, else by
   * the body's {@code errorType}; a body that is no JSON object becomes the message.
   */
  static FunctionError postedError(HttpServerRequest request, Buffer body) {
    String headerType = request.getHeader(ERROR_TYPE_HEADER);
    JsonNode parsed = parse(body);
    if (parsed instanceof ObjectNode object) {
      String type = headerType != null ? headerType : object.path("errorType").asText("Unhandled");
      return FunctionError.posted(type, object);
    }
    return new FunctionError(
        headerType != null ? headerType : "Unhandled", body.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(Buffer body) {
    try {
      return Json.MAPPER.readTree(body.getBytes());
    } catch (IOException notJson) {
      return null;
    }
  }

  private static void answer(HttpServerResponse response, RuntimeApiError refused) {
    if (refused != null) {
      reply(response, refused);
    } else {
      response.setStatusCode(202).putHeader("Content-Type", "application/json").end(ACCEPTED);
    }
  }

  private static void reply(HttpServerResponse response, RuntimeApiError error) {
    response
        .setStatusCode(error.status())
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(Json.bytes(error.toJson())));
  }
}
