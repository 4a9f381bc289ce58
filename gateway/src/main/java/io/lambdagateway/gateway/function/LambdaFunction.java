package io.lambdagateway.gateway.function;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * A function the gateway hosts, the local equivalent of a Lambda handler: THE interface through
 * which any function plugs into the gateway (in-process Java today; a process behind the Runtime
 * API would be one more implementation).
 *
 * <p>The event is the invocation payload (JSON bytes). The result is the response payload: JSON
 * bytes, returned to Invoke API callers unchanged. A function reports an error by failing the
 * future, preferably with a {@link FunctionError}; it must not throw from {@code invoke} when it is
 * non-blocking. Unless {@link #traits()} says {@code blocking}, {@code invoke} runs on an event
 * loop and must not block. Functions are shared by all event loops, so they must be thread-safe.
 */
public interface LambdaFunction {

  /**
   * Runs the function once.
   *
   * @param event the payload, or the raw function-URL body when {@link FunctionTraits#rawBody()}
   * @param invocation the request id, deadline and the log sink of this call
   */
  Future<Buffer> invoke(Buffer event, Invocation invocation);

  /**
   * The gateway has sent {@code payload}, which this function's {@link #invoke} returned, and will
   * never read it again: a function that wrote it into memory it reuses may take that memory back
   * now. A payload that is not sent (an event invocation's, one returned after the timeout or over
   * the size limit) is never handed back, and is left to the garbage collector. Called on an event
   * loop; does nothing by default.
   */
  default void payloadSent(Buffer payload) {}

  /** How the function wants to be called; non-blocking and event-wrapped by default. */
  default FunctionTraits traits() {
    return FunctionTraits.DEFAULT;
  }

  /**
   * The {@code Runtime} shown by ListFunctions and GetFunction: {@code java17} for functions
   * compiled into the gateway.
   */
  default String runtimeName() {
    return "java17";
  }

  /** The {@code Handler} shown by GetFunction, the implementing class by default. */
  default String handlerName() {
    return getClass().getName();
  }
}
