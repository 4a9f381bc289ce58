package io.lambdagateway.pipeline;

/**
 * A batch's call failed in a way that calling again cannot change (see {@link BatchCaller}): a size
 * limit at once, or a function error or invalid response on every attempt. Its cause is the last
 * attempt's error and its message that error's.
 */
public final class DeterministicFailureException extends RuntimeException {

  public DeterministicFailureException(Throwable lastError) {
    super(lastError.getMessage(), lastError);
  }
}
