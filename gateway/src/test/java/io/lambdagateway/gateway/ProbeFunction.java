package io.lambdagateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.json.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * A scripted, non-blocking test function. Its instruction is the event, or, for a function-URL
 * event, the event's body: {@code {"echo":true}} returns the event itself; {@code {"return":X}}
 * returns X; {@code {"fail":"msg"}} fails with an IllegalStateException; {@code {"sleepMs":n}}
 * answers after n ms (timer, no blocking); {@code {"bytes":n}} returns a JSON string of n bytes;
 * {@code {"log":"line"}} also writes a line to the invocation log.
 */
final class ProbeFunction implements LambdaFunction {

  @Override
  public Future<Buffer> invoke(Buffer event, Invocation invocation) {
    JsonNode instruction = instruction(event);
    if (instruction.has("log")) {
      invocation.log().info(instruction.get("log").asText());
    }
    if (instruction.has("fail")) {
      return Future.failedFuture(new IllegalStateException(instruction.get("fail").asText()));
    }
    if (instruction.has("sleepMs")) {
      long ms = instruction.get("sleepMs").asLong();
      return Vertx.currentContext()
          .owner()
          .timer(ms)
          .map(v -> Buffer.buffer("{\"slept\":" + ms + "}"));
    }
    if (instruction.has("bytes")) {
      int n = instruction.get("bytes").asInt();
      return Future.succeededFuture(Buffer.buffer("\"" + "x".repeat(n - 2) + "\""));
    }
    if (instruction.has("return")) {
      return Future.succeededFuture(Buffer.buffer(instruction.get("return").toString()));
    }
    return Future.succeededFuture(event);
  }

  private static JsonNode instruction(Buffer event) {
    try {
      JsonNode node = Json.MAPPER.readTree(event.getBytes());
      if (node != null && node.has("requestContext")) {
        String body = node.path("body").asText("");
        return body.isEmpty() ? JsonNodeFactory.instance.objectNode() : Json.MAPPER.readTree(body);
      }
      return node == null || !node.isObject() ? JsonNodeFactory.instance.objectNode() : node;
    } catch (IOException notJson) {
      return JsonNodeFactory.instance.objectNode();
    }
  }
}
