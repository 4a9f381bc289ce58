package io.lambdagateway.gateway.platform;

/**
 * The failure of an invocation refused for concurrency, before the function ran. Each entry point
 * answers it its own way (the Invoke API with a 429 {@code TooManyRequestsException}).
 */
public final class Throttled extends RuntimeException {

  private final String reason;

  Throttled(String reason) {
    super(reason, null, false, false);
    this.reason = reason;
  }

  /** Which limit refused: {@link ConcurrencyLimiter#ACCOUNT_LIMIT} or {@code RESERVED_LIMIT}. */
  public String reason() {
    return reason;
  }
}
