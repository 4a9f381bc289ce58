package io.lambdagateway.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Packs records into function calls the way Transfer does: in arrival order, a batch is closed
 * before its request JSON would grow past {@code bufferSizeBytes}; the owner closes it earlier with
 * {@link #drain()} when the flush interval passes. A record whose request alone is larger than the
 * buffer size travels alone. A record whose request alone is larger than {@code maxRequestBytes} (6
 * MB for a synchronous Lambda) cannot be sent at all: {@link #fits(PendingRecord)} is false for it
 * and the owner must route it elsewhere (the pipeline sends it to the dead-letter topic). Not
 * thread-safe: use from one context.
 */
public final class Batcher {

  private final int bufferSizeBytes;
  private final int maxRequestBytes;
  private final List<PendingRecord> pending = new ArrayList<>();
  private long pendingRecordBytes;
  private long firstPendingAtMs;

  /**
   * @param bufferSizeBytes close a batch before its request exceeds this; at most maxRequestBytes
   * @param maxRequestBytes the largest request the function accepts
   */
  public Batcher(int bufferSizeBytes, int maxRequestBytes) {
    if (bufferSizeBytes <= 0 || bufferSizeBytes > maxRequestBytes) {
      throw new IllegalArgumentException(
          "buffer size must be in 1.." + maxRequestBytes + " bytes, was " + bufferSizeBytes);
    }
    this.bufferSizeBytes = bufferSizeBytes;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Whether this record can be sent to the function at all (alone, it fits one request). */
  public boolean fits(PendingRecord record) {
    return TransferRequests.requestSize(1, record.encoded().length) <= maxRequestBytes;
  }

  /**
   * Adds a record that {@link #fits fits}; returns the batches this closes (zero, one or two).
   *
   * @param nowMs the current time, remembered for the first record of a batch
   */
  public List<Batch> add(PendingRecord record, long nowMs) {
    if (!fits(record)) {
      throw new IllegalArgumentException(
          "record larger than one request: offset " + record.source().offset());
    }
    List<Batch> closed = new ArrayList<>(2);
    int grown =
        TransferRequests.requestSize(
            pending.size() + 1, pendingRecordBytes + record.encoded().length);
    if (!pending.isEmpty() && grown > bufferSizeBytes) {
      closed.add(close());
    }
    if (pending.isEmpty()) {
      firstPendingAtMs = nowMs;
    }
    pending.add(record);
    pendingRecordBytes += record.encoded().length;
    if (currentRequestBytes() >= bufferSizeBytes) {
      closed.add(close());
    }
    return closed;
  }

  /** Closes the pending records as a batch; empty when nothing is pending. */
  public List<Batch> drain() {
    return pending.isEmpty() ? List.of() : List.of(close());
  }

  /** Whether the oldest pending record has waited {@code intervalMs} or longer. */
  public boolean due(long nowMs, long intervalMs) {
    return !pending.isEmpty() && nowMs - firstPendingAtMs >= intervalMs;
  }

  /** When the oldest pending record arrived; meaningless when nothing is pending. */
  public long firstPendingAtMs() {
    return firstPendingAtMs;
  }

  /** Number of records waiting. */
  public int pendingCount() {
    return pending.size();
  }

  /**
   * Removes and returns the pending records of these partitions (their partitions were revoked).
   */
  public List<PendingRecord> removePartitions(Set<SourcePartition> partitions) {
    List<PendingRecord> removed = new ArrayList<>();
    pending.removeIf(
        r -> {
          boolean revoked = partitions.contains(r.source().sourcePartition());
          if (revoked) {
            removed.add(r);
            pendingRecordBytes -= r.encoded().length;
          }
          return revoked;
        });
    return removed;
  }

  private int currentRequestBytes() {
    return TransferRequests.requestSize(pending.size(), pendingRecordBytes);
  }

  private Batch close() {
    Batch batch = new Batch(pending, currentRequestBytes());
    pending.clear();
    pendingRecordBytes = 0;
    return batch;
  }
}
