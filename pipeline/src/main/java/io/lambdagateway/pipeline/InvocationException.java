package io.lambdagateway.pipeline;

/** One function call failed (transport, timeout, status, function error). */
public final class InvocationException extends RuntimeException {

  public InvocationException(String message) {
    super(message);
  }

  public InvocationException(String message, Throwable cause) {
    super(message, cause);
  }
}
