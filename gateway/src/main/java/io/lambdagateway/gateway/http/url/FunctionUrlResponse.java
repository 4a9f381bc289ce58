package io.lambdagateway.gateway.http.url;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.http.HttpReplies;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.json.JsonScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Maps what a function returned to the HTTP response of its function URL, as Lambda does.
 *
 * <p>A JSON object with {@code statusCode} is a structured response: {@code statusCode}, {@code
 * headers}, {@code body} (base64-decoded when {@code isBase64Encoded}), and each entry of {@code
 * cookies} as its own {@code set-cookie} header; without a content-type header it is {@code
 * application/json}. Anything else is the body of a 200 {@code application/json} response exactly
 * as returned, so a returned string keeps its quotes. A malformed structured response is a 502,
 * like a function error.
 */
public final class FunctionUrlResponse {

  private static final String CONTENT_TYPE = "content-type";

  private FunctionUrlResponse() {}

  /** The reply for a successful invocation that returned {@code payload}. */
  public static UrlReply fromPayload(byte[] payload) {
    if (!isStructured(payload)) {
      return new UrlReply(
          200, List.of(Map.entry(CONTENT_TYPE, HttpReplies.APPLICATION_JSON)), payload);
    }
    try {
      return structured(Json.MAPPER.readTree(payload));
    } catch (IOException | IllegalArgumentException malformed) {
      return functionError();
    }
  }

  /**
   * True when {@code payload} is a structured response (an object with a top-level {@code
   * statusCode}); otherwise the reply is the payload itself, 200, application/json.
   */
  public static boolean isStructured(byte[] payload) {
    return JsonScan.mayHaveKey(payload, "statusCode")
        && JsonScan.hasTopLevelField(payload, "statusCode");
  }

  /** 502: the function returned an unusable structured response. */
  public static UrlReply functionError() {
    return message(502, "Internal Server Error");
  }

  /**
   * 502: the function failed or timed out. The body has AWS's {@code Message} plus the error's type
   * and message (an addition of this gateway, for debugging).
   */
  public static UrlReply functionError(String errorType, String errorMessage) {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("Message", "Internal Server Error")
            .put("errorType", errorType)
            .put("errorMessage", errorMessage);
    return new UrlReply(
        502, List.of(Map.entry(CONTENT_TYPE, HttpReplies.APPLICATION_JSON)), Json.bytes(body));
  }

  /** A {@code {"Message": ...}} JSON reply, the shape function URLs use for their own errors. */
  public static UrlReply message(int status, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("Message", message);
    return new UrlReply(
        status, List.of(Map.entry(CONTENT_TYPE, HttpReplies.APPLICATION_JSON)), Json.bytes(body));
  }

  private static UrlReply structured(JsonNode result) {
    JsonNode status = result.get("statusCode");
    if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
      return functionError();
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    boolean hasContentType = false;
    JsonNode headerNode = result.path("headers");
    for (Map.Entry<String, JsonNode> h : iterable(headerNode)) {
      headers.add(Map.entry(h.getKey(), h.getValue().asText()));
      hasContentType |= h.getKey().equalsIgnoreCase(CONTENT_TYPE);
    }
    if (!hasContentType) {
      headers.add(Map.entry(CONTENT_TYPE, HttpReplies.APPLICATION_JSON));
    }
    for (JsonNode cookie : result.path("cookies")) {
      headers.add(Map.entry("set-cookie", cookie.asText()));
    }
    return new UrlReply(status.asInt(), headers, body(result));
  }

  private static byte[] body(JsonNode result) {
    JsonNode body = result.get("body");
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    String text = body.isTextual() ? body.asText() : body.toString();
    return result.path("isBase64Encoded").asBoolean(false)
        ? Base64.getDecoder().decode(text)
        : text.getBytes(StandardCharsets.UTF_8);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node.isObject() ? node::fields : List.of();
  }
}
