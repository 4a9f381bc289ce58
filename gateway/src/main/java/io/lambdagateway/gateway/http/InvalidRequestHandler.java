package io.lambdagateway.gateway.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.platform.RequestIds;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers requests Netty could not decode, before any route runs: 431 when the headers are over the
 * limit, 414 when the request line is, 400 otherwise; AWS-shaped JSON (these codes are not in the
 * Lambda model: SDKs see a generic error with the status), then the connection is closed. Each is
 * logged in the rate-limited {@link ClientErrorLog}.
 */
public final class InvalidRequestHandler implements Handler<HttpServerRequest> {

  private final ClientErrorLog clientErrors;

  public InvalidRequestHandler(ClientErrorLog clientErrors) {
    this.clientErrors = clientErrors;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status;
    String code;
    String message;
    if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      code = "RequestHeaderFieldsTooLargeException";
      message = "Request header fields too large";
    } else if (cause instanceof TooLongHttpLineException) {
      status = 414;
      code = "RequestURITooLongException";
      message = "Request-URI too long";
    } else {
      status = 400;
      code = "ValidationException";
      message = "Malformed HTTP request";
    }
    clientErrors.log(
        cause == null ? message : message + " (" + cause.getMessage() + ")",
        request.remoteAddress().hostAddress());
    ObjectNode body =
        JsonNodeFactory.instance.objectNode().put("Type", "User").put("message", message);
    HttpServerResponse response =
        request
            .response()
            .setStatusCode(status)
            .putHeader("x-amzn-RequestId", RequestIds.next())
            .putHeader("x-amzn-ErrorType", code)
            .putHeader("Content-Type", HttpReplies.APPLICATION_JSON)
            .putHeader("Connection", "close");
    response.end(Buffer.buffer(Json.bytes(body))).onComplete(sent -> request.connection().close());
  }
}
