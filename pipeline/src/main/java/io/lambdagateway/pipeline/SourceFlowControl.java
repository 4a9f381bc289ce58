package io.lambdagateway.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the memory of unfinished records and stops reading while a batch is stalled. Counts the
 * records received but not finished (written or dropped), the bytes they hold (the message, and its
 * request record once encoded) and the stalled batches; closes the {@link Valve} when the records
 * or the bytes reach their high watermark or a batch stalls, and opens it again when both are at
 * half their watermark or below and nothing is stalled. After {@link #stop()} the valve is left as
 * it is. Publishes the counts as gauges. Not thread-safe except {@link #stalled()}: use from one
 * context.
 */
final class SourceFlowControl implements StallRetry.Stalls {

  private static final Logger LOG = LoggerFactory.getLogger(SourceFlowControl.class);

  /** What closing and opening the source means: pausing and resuming its partitions. */
  interface Valve {
    void pause();

    void resume();
  }

  private final long maxRecords;
  private final long maxBytes;
  private final Valve valve;
  private final PipelineMetrics metrics;
  private long records;
  private long bytes;
  private int stalledBatches;
  private boolean paused;
  private boolean stopping;
  private volatile boolean stalledFlag;

  SourceFlowControl(long maxRecords, long maxBytes, Valve valve, PipelineMetrics metrics) {
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
    this.valve = valve;
    this.metrics = metrics;
  }

  /** A record of {@code sizeBytes} was received; call {@link #update()} after a run of these. */
  void received(long sizeBytes) {
    records++;
    bytes += sizeBytes;
  }

  /** A received record now holds {@code sizeBytes} more: its encoded request record. */
  void grew(long sizeBytes) {
    bytes += sizeBytes;
  }

  /**
   * A received record is finished (written, dead-lettered, abandoned or revoked); {@code sizeBytes}
   * is all it was counted for.
   */
  void released(long sizeBytes) {
    records--;
    bytes -= sizeBytes;
  }

  @Override
  public void started() {
    stalledBatches++;
    update();
  }

  @Override
  public void ended() {
    stalledBatches--;
    update();
  }

  /** From now on the valve is neither opened nor closed (the consumer is closing). */
  void stop() {
    stopping = true;
  }

  /** True while a batch keeps failing after its retries; readable from any thread. */
  boolean stalled() {
    return stalledFlag;
  }

  /** Publishes the counts and opens or closes the valve when a watermark was crossed. */
  void update() {
    stalledFlag = stalledBatches > 0;
    metrics.buffered(records, bytes);
    metrics.stalledBatches(stalledBatches);
    boolean full = records >= maxRecords || bytes >= maxBytes;
    boolean drained = records <= maxRecords / 2 && bytes <= maxBytes / 2;
    if (!paused && (full || stalledBatches > 0) && !stopping) {
      paused = true;
      LOG.debug(
          "pausing consumption ({} records, {} bytes unfinished, {} stalled batches)",
          records,
          bytes,
          stalledBatches);
      valve.pause();
    } else if (paused && stalledBatches == 0 && drained && !stopping) {
      paused = false;
      LOG.debug("resuming consumption");
      valve.resume();
    }
    metrics.paused(paused);
  }
}
