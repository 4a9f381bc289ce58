package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the writes caused by some source records become delivered: {@link #AT_LEAST_ONCE} just runs
 * them (the offsets are committed later, by {@link OffsetCommits}); {@link TransactionalDelivery}
 * runs them and commits the records' offsets in one Kafka transaction.
 */
interface Delivery {

  /** Plain writes; a crash between a write and the next offset commit repeats the write. */
  Delivery AT_LEAST_ONCE =
      new Delivery() {
        @Override
        public Future<Void> deliver(List<PendingRecord> records, Supplier<Future<Void>> writes) {
          return writes.get();
        }

        @Override
        public boolean oneAtATime() {
          return false;
        }
      };

  /**
   * Runs {@code writes} (the messages caused by {@code records}, in order); completes when they
   * count as delivered. May complete successfully without writing when the records' partitions were
   * revoked meanwhile (their next owner reads them again).
   */
  Future<Void> deliver(List<PendingRecord> records, Supplier<Future<Void>> writes);

  /** True when a delivery must finish before the next one starts (one transaction at a time). */
  boolean oneAtATime();
}
