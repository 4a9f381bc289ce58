package io.lambdagateway.pipeline;

import io.vertx.core.Vertx;

/**
 * The pipeline's periodic work: committing done offsets every {@code commitInterval} and refreshing
 * the consumer-lag gauge every {@code lagRefreshInterval}. Its own class so that {@link
 * PipelineVerticle} only wires; {@link #cancel()} is the first step of a stop.
 */
final class PipelineTimers {

  private final Vertx vertx;
  private final long commitTimer;
  private final long lagTimer;

  private PipelineTimers(Vertx vertx, long commitTimer, long lagTimer) {
    this.vertx = vertx;
    this.commitTimer = commitTimer;
    this.lagTimer = lagTimer;
  }

  /** Starts both timers on the caller's context. */
  static PipelineTimers start(
      Vertx vertx,
      PipelineConfig config,
      OffsetCommits commits,
      ConsumerLag lag,
      ConsumerControl control) {
    long commitTimer =
        vertx.setPeriodic(config.commitInterval().toMillis(), id -> commits.commitPeriodically());
    long lagTimer =
        vertx.setPeriodic(
            config.lagRefreshInterval().toMillis(),
            id -> lag.refresh(control.assignedPartitions()));
    return new PipelineTimers(vertx, commitTimer, lagTimer);
  }

  /** Stops both timers; a run already under way finishes. */
  void cancel() {
    vertx.cancelTimer(commitTimer);
    vertx.cancelTimer(lagTimer);
  }
}
