package io.lambdagateway.gateway.function;

/**
 * A {@link LambdaFunction} whose own parse of its event establishes that the event is JSON, and
 * that fails its call when it is not.
 *
 * <p>Why: the Invoke API must answer a body that is not JSON with {@code 400
 * InvalidRequestContentException}, and checked it with a pass over every body before the function
 * parsed the same bytes again. For a function like this one, a synchronous call skips that pass;
 * only when the call fails is the body checked, so that a body that is not JSON still gets exactly
 * the 400 it got before, and a valid one is read once.
 */
public interface ParsesJsonEvent {}
