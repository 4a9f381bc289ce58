package io.lambdagateway.pipeline;

/**
 * One function call failed (transport, timeout, status, function error), with what the failure says
 * about a repeat of the same call ({@link Failure}).
 */
public final class InvocationException extends RuntimeException {

  /** What a failed call says about calling again with the same batch. */
  public enum Failure {
    /**
     * May pass next time: a transport error, a timeout ({@code Sandbox.Timedout} included), 429, a
     * 5xx other than a function URL's 502.
     */
    TRANSIENT,
    /**
     * The function ran and failed (a function error, a function URL's 502): it may depend on the
     * input; it counts as deterministic when every attempt of the batch failed so.
     */
    FUNCTION_ERROR,
    /**
     * A size limit: the request (413) or the response ({@code Function.ResponseSizeTooLarge}). The
     * same batch gives the same size, so calling it again cannot pass.
     */
    TOO_LARGE
  }

  private final Failure failure;

  public InvocationException(String message) {
    this(message, Failure.TRANSIENT);
  }

  public InvocationException(String message, Failure failure) {
    super(message);
    this.failure = failure;
  }

  public InvocationException(String message, Throwable cause) {
    this(message, Failure.TRANSIENT, cause);
  }

  public InvocationException(String message, Failure failure, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }

  /** The failure kind of any error of a call: an invalid response is the function's own doing. */
  static Failure failureOf(Throwable err) {
    if (err instanceof InvocationException invocation) {
      return invocation.failure();
    }
    return err instanceof InvalidResponseException ? Failure.FUNCTION_ERROR : Failure.TRANSIENT;
  }
}
