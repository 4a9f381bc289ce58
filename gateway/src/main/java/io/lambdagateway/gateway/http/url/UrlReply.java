package io.lambdagateway.gateway.http.url;

import java.util.List;
import java.util.Map;

/**
 * The HTTP response a function URL sends, without Vert.x types.
 *
 * @param status the HTTP status
 * @param headers names and values in order; {@code set-cookie} may repeat
 * @param body the body bytes
 */
public record UrlReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {}
