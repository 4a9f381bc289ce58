package io.lambdagateway.gateway.function;

/**
 * What a function declares about itself; the gateway uses it to pick how to call it.
 *
 * @param blocking true when {@link LambdaFunction#invoke} does blocking or long CPU work: the
 *     gateway then calls it on a worker thread (executeBlocking), never on an event loop
 * @param rawBody true when the function, called through a function URL, wants the raw HTTP body
 *     instead of the payload-format-2.0 event; the function must then behave as if it had read
 *     {@code event.body}, so that what the caller sees is the same either way
 */
public record FunctionTraits(boolean blocking, boolean rawBody) {

  /** Non-blocking, receives the full function-URL event. */
  public static final FunctionTraits DEFAULT = new FunctionTraits(false, false);
}
