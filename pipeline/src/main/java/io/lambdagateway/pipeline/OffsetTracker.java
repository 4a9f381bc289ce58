package io.lambdagateway.pipeline;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which source offsets may be committed. Each partition keeps the offsets it received, in order; an
 * offset becomes done when every write it caused (target and dead-letter) was acknowledged by
 * Kafka. The committable position of a partition is the highest offset such that it and every
 * offset received before it are done, plus one; completions may arrive in any order. A partition
 * that is revoked is forgotten (its unfinished records will be delivered again to whoever owns it
 * next). Offsets not tracked (e.g. of a revoked partition) are ignored on completion. Not
 * thread-safe: use from one context.
 */
public final class OffsetTracker {

  private final Map<SourcePartition, PartitionState> partitions = new HashMap<>();

  /** Records that {@code offset} of {@code partition} was received and is not yet done. */
  public void track(SourcePartition partition, long offset) {
    partitions.computeIfAbsent(partition, p -> new PartitionState()).track(offset);
  }

  /** Marks an offset done. */
  public void complete(SourcePartition partition, long offset) {
    PartitionState state = partitions.get(partition);
    if (state != null) {
      state.complete(offset);
    }
  }

  /**
   * The positions to commit (next offset to read) of partitions that advanced since the last
   * commit.
   */
  public Map<SourcePartition, Long> committable() {
    Map<SourcePartition, Long> positions = new HashMap<>();
    partitions.forEach(
        (partition, state) -> {
          if (state.position > state.committedPosition) {
            positions.put(partition, state.position);
          }
        });
    return positions;
  }

  /** Records that these positions were committed. */
  public void committed(Map<SourcePartition, Long> positions) {
    positions.forEach(
        (partition, position) -> {
          PartitionState state = partitions.get(partition);
          if (state != null) {
            state.committedPosition = Math.max(state.committedPosition, position);
          }
        });
  }

  /** Forgets these partitions. */
  public void revoke(Set<SourcePartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** Number of received offsets not yet done, over all partitions. */
  public int unfinished() {
    return partitions.values().stream().mapToInt(s -> s.received.size()).sum();
  }

  private static final class PartitionState {

    private final ArrayDeque<Long> received = new ArrayDeque<>();
    private final Set<Long> done = new HashSet<>();
    private long position = -1;
    private long committedPosition = -1;

    void track(long offset) {
      Long last = received.peekLast();
      if ((last != null && offset <= last) || offset < position) {
        return;
      }
      received.addLast(offset);
    }

    void complete(long offset) {
      if (offset < position || !done.add(offset)) {
        return;
      }
      while (!received.isEmpty() && done.remove(received.peekFirst())) {
        position = received.pollFirst() + 1;
      }
    }
  }
}
