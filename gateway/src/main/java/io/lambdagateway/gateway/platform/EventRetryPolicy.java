package io.lambdagateway.gateway.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What Lambda's {@code PutFunctionEventInvokeConfig} sets for asynchronous invocations: how often a
 * failed event is retried and how old an event may get before it is given up.
 *
 * @param maxRetries retries after the first attempt (AWS: 0 to 2, default 2)
 * @param maxAge an event older than this is not run again (AWS: 60 s to 6 h, default 6 h)
 * @param retryDelays the wait before each retry; must hold at least {@code maxRetries} entries
 */
public record EventRetryPolicy(int maxRetries, Duration maxAge, List<Duration> retryDelays) {

  /** Lambda retries twice; we wait 1 s, then 2 s (AWS waits about 1 and 2 minutes). */
  public static final List<Duration> LAMBDA_RETRY_DELAYS =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));

  public EventRetryPolicy {
    retryDelays = List.copyOf(retryDelays);
    if (maxRetries < 0 || maxRetries > retryDelays.size()) {
      throw new IllegalArgumentException(
          "maxRetries " + maxRetries + " needs as many retry delays, has " + retryDelays.size());
    }
  }

  /** Lambda's policy with {@code maxRetries} and {@code maxAge}, and our short delays. */
  public static EventRetryPolicy lambda(int maxRetries, Duration maxAge) {
    return new EventRetryPolicy(maxRetries, maxAge, LAMBDA_RETRY_DELAYS);
  }

  /** Whether an event accepted at {@code acceptedAt} is too old to run at {@code now}. */
  boolean expired(Instant acceptedAt, Instant now) {
    return Duration.between(acceptedAt, now).compareTo(maxAge) > 0;
  }

  /** The wait before retry number {@code retry} (1-based). */
  Duration delayBefore(int retry) {
    return retryDelays.get(retry - 1);
  }
}
