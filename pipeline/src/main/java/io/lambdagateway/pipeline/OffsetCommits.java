package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit strategy, in the lifecycle of a consumer: records are {@link #received} when polled
 * and {@link #done} when every write they caused was acknowledged; partitions are {@link #assigned}
 * and {@link #revoked}; the owner calls {@link #commitDone()} on a timer and {@link #terminate} on
 * stop. Only contiguous done offsets are committed ({@link OffsetTracker}), only for assigned
 * partitions, and one commit runs at a time. On revocation the done offsets of the revoked
 * partitions are committed best effort (the consumer's revocation handler runs asynchronously, so
 * the next owner may already read) and the partitions are forgotten; after {@link #terminate}
 * revocations commit nothing. Not thread-safe: use from one context.
 */
final class OffsetCommits {

  private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

  /** Commits positions (next offset to read) to the group; in the pipeline the Kafka consumer. */
  @FunctionalInterface
  interface Committer {
    Future<Void> commit(Map<SourcePartition, Long> positions);
  }

  /** Commits nothing: in exactly-once mode each transaction commits its own offsets. */
  static final Committer IN_TRANSACTIONS = positions -> Future.succeededFuture();

  private final Committer committer;
  private final OffsetTracker offsets = new OffsetTracker();
  private final Set<SourcePartition> assigned = new HashSet<>();
  private boolean committing;
  private boolean terminating;
  private Future<Void> commitInFlight = Future.succeededFuture();

  OffsetCommits(Committer committer) {
    this.committer = committer;
  }

  /** A record was polled; its offset waits to be done. */
  void received(SourceRecord record) {
    offsets.track(record.sourcePartition(), record.offset());
  }

  /** Every write of a received record was acknowledged. */
  void done(SourceRecord record) {
    offsets.complete(record.sourcePartition(), record.offset());
  }

  void assigned(Set<SourcePartition> partitions) {
    assigned.addAll(partitions);
  }

  /** Commits the done offsets of {@code partitions} (best effort) and forgets them. */
  void revoked(Set<SourcePartition> partitions) {
    assigned.removeAll(partitions);
    Map<SourcePartition, Long> done = new HashMap<>(offsets.committable());
    done.keySet().retainAll(partitions);
    offsets.revoke(partitions);
    if (terminating) {
      // terminate() made the final commit (or, simulating a crash, none); the consumer is closing.
      return;
    }
    LOG.info("revoked {}; committing {} (best effort)", partitions, done);
    if (!done.isEmpty()) {
      committer
          .commit(done)
          .onFailure(err -> LOG.warn("commit on revocation failed: {}", err.getMessage()));
    }
  }

  /** The periodic commit: skipped while a commit runs. */
  void commitPeriodically() {
    if (!committing) {
      commitDone();
    }
  }

  /**
   * Stops committing on revocation at once; when {@code drained} completes (in any way), makes the
   * final commit if {@code commit} is true. The final commit waits for a running commit and then
   * includes everything done since it started.
   */
  Future<Void> terminate(boolean commit, Future<?> drained) {
    terminating = true;
    return drained.transform(ar -> commit ? commitDone() : Future.succeededFuture());
  }

  /** Commits the done positions of the assigned partitions, after a running commit if any. */
  Future<Void> commitDone() {
    if (committing) {
      return commitInFlight.transform(ar -> commitDone());
    }
    Map<SourcePartition, Long> positions = new HashMap<>(offsets.committable());
    positions.keySet().retainAll(assigned);
    if (positions.isEmpty()) {
      return Future.succeededFuture();
    }
    committing = true;
    commitInFlight =
        committer
            .commit(positions)
            .onSuccess(v -> offsets.committed(positions))
            .onFailure(err -> LOG.warn("offset commit failed: {}", err.getMessage()))
            .andThen(ar -> committing = false)
            .mapEmpty();
    return commitInFlight;
  }
}
