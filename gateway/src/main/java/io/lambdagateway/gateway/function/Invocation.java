package io.lambdagateway.gateway.function;

import java.util.Optional;

/**
 * What a function knows about the call it serves, like the Lambda context object.
 *
 * @param requestId the {@code x-amzn-RequestId} of this call (a UUID)
 * @param functionArn the invoked function's ARN, unqualified
 * @param version the executed version, always {@code $LATEST} here
 * @param deadlineMillis the wall-clock time ({@link System#currentTimeMillis()}) of the timeout, as
 *     of the call's start; a function with an init phase gets the invoke phase's from {@code
 *     phases}
 * @param log the per-invocation log; what is written there is returned by {@code Tail}
 * @param clientContext the client context JSON the caller sent ({@code X-Amz-Client-Context} of a
 *     synchronous Invoke API call, decoded); empty when there is none
 * @param phases where a function that starts a process for this call reports its init phase
 * @param maxResponseBytes the largest response the gateway accepts from this call ({@code
 *     Function.ResponseSizeTooLarge} above); a function that builds a large answer stops there
 */
public record Invocation(
    String requestId,
    String functionArn,
    String version,
    long deadlineMillis,
    InvocationLog log,
    Optional<String> clientContext,
    CallPhases phases,
    long maxResponseBytes) {

  /** Milliseconds left before the gateway answers with {@code Sandbox.Timedout}. */
  public long remainingMillis() {
    return Math.max(0, deadlineMillis - System.currentTimeMillis());
  }
}
