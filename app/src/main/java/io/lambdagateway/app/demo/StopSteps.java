package io.lambdagateway.app.demo;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the steps of the demo's stop sequence one at a time, on the stopping thread. A failed
 * or hung step is logged and the next one still runs, so that one stuck part cannot keep the others
 * (and the broker) running.
 */
final class StopSteps {

  private static final Logger LOG = LoggerFactory.getLogger(StopSteps.class);

  /** Longest wait for one stop step; the pipeline's own stop grace is 10 s. */
  private static final long STEP_TIMEOUT_SECONDS = 20;

  private StopSteps() {}

  /**
   * Waits for {@code step}; a failure is logged as "{@code what} failed". Never on an event loop.
   */
  static void await(Future<?> step, String what) {
    try {
      step.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception failed) {
      LOG.warn("{} failed: {}", what, failed.toString());
    }
  }
}
