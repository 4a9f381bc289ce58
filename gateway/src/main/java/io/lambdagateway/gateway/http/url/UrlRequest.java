package io.lambdagateway.gateway.http.url;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A function-URL HTTP request reduced to what the payload-format-2.0 event needs; no Vert.x types,
 * so the event mapping is a pure function.
 *
 * @param method the HTTP method
 * @param rawPath the path as received (not decoded)
 * @param rawQuery the query string without '?', or "" when none
 * @param headers header names and values in arrival order (repeats allowed)
 * @param body the body bytes (may be empty)
 * @param protocol e.g. {@code HTTP/1.1}
 * @param sourceIp the client's address
 * @param requestId this call's request id
 * @param time when the request arrived
 * @param urlId the function-URL id, used for {@code apiId} and {@code domainPrefix}
 */
public record UrlRequest(
    String method,
    String rawPath,
    String rawQuery,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String protocol,
    String sourceIp,
    String requestId,
    Instant time,
    String urlId) {}
