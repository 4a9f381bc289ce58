package io.lambdagateway.pipeline;

/** The function answered 2xx with a body that is not a valid response for the batch sent. */
public final class InvalidResponseException extends RuntimeException {

  public InvalidResponseException(String message) {
    super(message);
  }

  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
