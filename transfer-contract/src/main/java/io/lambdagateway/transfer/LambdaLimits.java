package io.lambdagateway.transfer;

/**
 * AWS Lambda's payload quotas, in bytes, as one named set that the gateway (what it accepts and
 * returns) and the pipeline (how large a batch it sends) both use. Sizes are binary: AWS's "6 MB"
 * is 6 MiB.
 */
public final class LambdaLimits {

  /** Largest request body of a synchronous (RequestResponse) call or a function-URL call. */
  public static final int MAX_SYNC_REQUEST_BYTES = 6 * 1024 * 1024;

  /** Largest request body of an asynchronous (Event) call. */
  public static final int MAX_ASYNC_REQUEST_BYTES = 1024 * 1024;

  /**
   * Largest function response: 6 MiB plus the 100 bytes of slack that AWS's runtime interface
   * allows for the response envelope.
   */
  public static final int MAX_RESPONSE_BYTES = MAX_SYNC_REQUEST_BYTES + 100;

  private LambdaLimits() {}
}
