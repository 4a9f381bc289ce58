package io.lambdagateway.gateway.function;

/**
 * What a function declares about itself; the gateway uses it to pick how to call it.
 *
 * @param blocking true when {@link LambdaFunction#invoke} does blocking or long CPU work: the
 *     gateway then calls it on a worker thread (executeBlocking), never on an event loop
 * @param rawBody true when the function, called through a function URL, wants the raw HTTP body
 *     instead of the payload-format-2.0 event; the function must then behave as if it had read
 *     {@code event.body}, so that what the caller sees is the same either way
 * @param maxInlineEventBytes for a non-blocking function whose work grows with its event: events
 *     larger than this are run on a worker of the gateway's CPU pool, so that one large call does
 *     not stall the other connections of an event loop while small calls skip the thread hop
 * @param answersAsIs true when no answer of the function is a function URL's structured response
 *     (an object with a top-level {@code statusCode}): its function URL then sends each answer as
 *     it is, without scanning or copying it (the enricher's answers are always {@code
 *     {"Records":[...]}})
 * @param parsesJsonEvent true when the function's own parse of its event establishes that the event
 *     is JSON and fails the call when it is not. The Invoke API must answer a body that is not JSON
 *     with {@code 400 InvalidRequestContentException}; for such a function a synchronous call skips
 *     the separate JSON pass, and only a failed call has its body checked, so a body that is not
 *     JSON gets the same 400 and a valid one is read once
 */
public record FunctionTraits(
    boolean blocking,
    boolean rawBody,
    int maxInlineEventBytes,
    boolean answersAsIs,
    boolean parsesJsonEvent) {

  /** The inline limit of a function that does CPU work proportional to its event. */
  public static final int CPU_INLINE_LIMIT_BYTES = 256 * 1024;

  /** Non-blocking, receives the full function-URL event. */
  public static final FunctionTraits DEFAULT = new FunctionTraits(false, false);

  /** Traits of a function that runs inline whatever its event's size. */
  public FunctionTraits(boolean blocking, boolean rawBody) {
    this(blocking, rawBody, Integer.MAX_VALUE);
  }

  /** Traits of a function whose answers may be structured responses, and whose event is checked. */
  public FunctionTraits(boolean blocking, boolean rawBody, int maxInlineEventBytes) {
    this(blocking, rawBody, maxInlineEventBytes, false, false);
  }
}
