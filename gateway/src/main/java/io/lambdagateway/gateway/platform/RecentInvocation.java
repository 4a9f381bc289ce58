package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.InvocationLog;
import java.nio.charset.StandardCharsets;

/**
 * One invocation as the dashboard lists it.
 *
 * @param channel how it came in: invoke, url or event
 * @param outcome success, function_error or throttled
 * @param errorType the function error's type, or null
 * @param log its START to REPORT log (the last {@link InvocationLog#TAIL_BYTES} bytes); null when
 *     it never ran (throttled)
 */
public record RecentInvocation(
    String requestId,
    String function,
    String channel,
    String outcome,
    String errorType,
    double durationMillis,
    long bytesIn,
    long bytesOut,
    long epochMillis,
    InvocationLog log) {

  /** The log as text; empty when the call never ran. */
  public String logText() {
    return log == null ? "" : new String(log.tail(), StandardCharsets.UTF_8);
  }
}
