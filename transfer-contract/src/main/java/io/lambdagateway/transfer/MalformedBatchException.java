package io.lambdagateway.transfer;

/** The request is not a Transfer batch at all; a caller maps it to a client error. */
public final class MalformedBatchException extends RuntimeException {

  public MalformedBatchException(String message) {
    super(message);
  }

  public MalformedBatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
