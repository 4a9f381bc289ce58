package io.lambdagateway.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.platform.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Supplier;

/** Writes the gateway's JSON replies; the only place response headers for errors are chosen. */
public final class HttpReplies {

  public static final String APPLICATION_JSON = "application/json";

  private HttpReplies() {}

  /** A service error, AWS-shaped: status, x-amzn-ErrorType, x-amzn-RequestId, JSON body. */
  public static Future<Void> serviceError(
      HttpServerResponse response, ServiceError error, String requestId) {
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    response
        .setStatusCode(error.status())
        .putHeader("x-amzn-ErrorType", error.code())
        .putHeader("x-amzn-RequestId", requestId);
    if (error.retryAfterSeconds() > 0) {
      response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
    }
    return json(response, error.toJson());
  }

  /**
   * The answer of one API operation: {@code status} with the JSON {@code operation} computes, or
   * the {@link ServiceError} it throws; both carry a fresh {@code x-amzn-RequestId}.
   */
  public static Future<Void> answer(
      HttpServerResponse response, int status, Supplier<? extends JsonNode> operation) {
    String requestId = RequestIds.next();
    JsonNode body;
    try {
      body = operation.get();
    } catch (ServiceError error) {
      return serviceError(response, error, requestId);
    }
    return json(response.setStatusCode(status).putHeader("x-amzn-RequestId", requestId), body);
  }

  /** Any JSON value with {@code Content-Type: application/json}; status as already set. */
  public static Future<Void> json(HttpServerResponse response, JsonNode body) {
    return response
        .putHeader("Content-Type", APPLICATION_JSON)
        .end(Buffer.buffer(Json.bytes(body)));
  }
}
