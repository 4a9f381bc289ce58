package io.lambdagateway.transfer;

/**
 * A response being written would exceed its size limit; thrown as soon as the next bytes would not
 * fit, so nothing past the limit is ever allocated. A Lambda function maps it to {@code
 * Function.ResponseSizeTooLarge}.
 */
public final class ResponseTooLargeException extends RuntimeException {

  private final long limitBytes;

  public ResponseTooLargeException(long limitBytes) {
    super("the response would exceed " + limitBytes + " bytes", null, false, false);
    this.limitBytes = limitBytes;
  }

  /** The limit the response would have exceeded. */
  public long limitBytes() {
    return limitBytes;
  }
}
