package io.lambdagateway.pipeline;

/** The target serializer refuses a change item (not an insert, or malformed). */
public final class UnsupportedChangeException extends RuntimeException {

  public UnsupportedChangeException(String message) {
    super(message);
  }
}
