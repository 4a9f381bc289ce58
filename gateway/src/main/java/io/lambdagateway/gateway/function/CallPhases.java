package io.lambdagateway.gateway.function;

/**
 * The phases of one call as Lambda times them, reported by the function to the platform. A call
 * that has to start the function first (a runtime process's init: a cold start) has an init phase,
 * which the function bounds itself (10 s on AWS); the function's timeout counts from the start of
 * the invoke phase. Functions without an init phase (those in the gateway's JVM) never call it.
 * Thread-safe.
 */
public interface CallPhases {

  /**
   * An init phase starts for this call: the platform's timeout is suspended until {@link
   * #invokePhaseStarts()}.
   */
  void initPhaseStarts();

  /**
   * The invoke phase starts now (after an init phase): the platform's timeout restarts.
   *
   * @return the call's new deadline, epoch milliseconds: now plus the function's timeout
   */
  long invokePhaseStarts();
}
