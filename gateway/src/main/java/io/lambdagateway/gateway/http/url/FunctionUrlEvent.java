package io.lambdagateway.gateway.http.url;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event a Lambda function URL hands to a function: API Gateway payload format 2.0.
 *
 * <p>Rules: header names lower-cased, repeated headers and query keys comma-joined, the Cookie
 * header moved to {@code cookies} (as API Gateway 2.0 does), query values percent-decoded; {@code
 * cookies}, {@code queryStringParameters} and {@code body} left out when absent. The body is text
 * when the Content-Type is textual (text/*, JSON, XML, JavaScript, form data) or absent, and it is
 * valid UTF-8; otherwise it is base64 with {@code isBase64Encoded: true}. {@code accountId} is
 * {@code "anonymous"}, as in real captures of AuthType NONE URLs.
 */
public final class FunctionUrlEvent {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss +0000", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private FunctionUrlEvent() {}

  /** The event for {@code request}, as a JSON object. */
  public static ObjectNode build(UrlRequest request) {
    Map<String, String> headers = joinedHeaders(request);
    String cookieHeader = headers.remove("cookie");
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQuery());
    if (cookieHeader != null) {
      ArrayNode cookies = event.putArray("cookies");
      for (String cookie : cookieHeader.split(";")) {
        if (!cookie.isBlank()) {
          cookies.add(cookie.trim());
        }
      }
    }
    ObjectNode headerNode = event.putObject("headers");
    headers.forEach(headerNode::put);
    if (!request.rawQuery().isEmpty()) {
      ObjectNode params = event.putObject("queryStringParameters");
      queryParameters(request.rawQuery()).forEach(params::put);
    }
    event.set("requestContext", requestContext(request, headers));
    putBody(event, request.body(), headers.get("content-type"));
    return event;
  }

  private static Map<String, String> joinedHeaders(UrlRequest request) {
    Map<String, String> joined = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : request.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      // API Gateway joins repeated cookies with "; " so that they stay one cookie list
      String separator = name.equals("cookie") ? "; " : ",";
      joined.merge(name, h.getValue(), (a, b) -> a + separator + b);
    }
    return joined;
  }

  /** Query parameters, decoded, repeated keys comma-joined, in first-seen order. */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.merge(key, value, (a, b) -> a + "," + b);
    }
    return params;
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return component;
    }
  }

  private static ObjectNode requestContext(UrlRequest request, Map<String, String> headers) {
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    String host = headers.getOrDefault("host", "localhost");
    context.put("accountId", "anonymous");
    context.put("apiId", request.urlId());
    context.put("domainName", host);
    context.put("domainPrefix", request.urlId());
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", headers.getOrDefault("user-agent", ""));
    context.put("requestId", request.requestId());
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    context.put("time", TIME.format(request.time()));
    context.put("timeEpoch", request.time().toEpochMilli());
    return context;
  }

  private static void putBody(ObjectNode event, byte[] body, String contentType) {
    if (body.length == 0) {
      event.put("isBase64Encoded", false);
      return;
    }
    String text = isTextual(contentType) ? utf8OrNull(body) : null;
    if (text != null) {
      event.put("body", text);
      event.put("isBase64Encoded", false);
    } else {
      event.put("body", Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", true);
    }
  }

  static boolean isTextual(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("javascript")
        || type.startsWith("application/x-www-form-urlencoded");
  }

  private static String utf8OrNull(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException notText) {
      return null;
    }
  }
}
