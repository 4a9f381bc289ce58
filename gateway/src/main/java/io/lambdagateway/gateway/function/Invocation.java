package io.lambdagateway.gateway.function;

import java.util.Optional;

/**
 * What a function knows about the call it serves, like the Lambda context object.
 *
 * @param requestId the {@code x-amzn-RequestId} of this call (a UUID)
 * @param functionArn the invoked function's ARN, unqualified
 * @param version the executed version, always {@code $LATEST} here
 * @param deadlineMillis the wall-clock time ({@link System#currentTimeMillis()}) of the timeout
 * @param log the per-invocation log; what is written there is returned by {@code Tail}
 * @param clientContext the client context JSON the caller sent ({@code X-Amz-Client-Context} of a
 *     synchronous Invoke API call, decoded); empty when there is none
 */
public record Invocation(
    String requestId,
    String functionArn,
    String version,
    long deadlineMillis,
    InvocationLog log,
    Optional<String> clientContext) {

  /** Milliseconds left before the gateway answers with {@code Sandbox.Timedout}. */
  public long remainingMillis() {
    return Math.max(0, deadlineMillis - System.currentTimeMillis());
  }
}
