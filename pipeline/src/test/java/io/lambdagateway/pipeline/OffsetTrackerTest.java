package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  private static final SourcePartition P0 = new SourcePartition("t", 0);
  private static final SourcePartition P1 = new SourcePartition("t", 1);

  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  @DisplayName("Nothing is committable until the first received offset is done")
  void nothingBeforeFirstDone() {
    tracker.track(P0, 10);
    tracker.track(P0, 11);
    tracker.complete(P0, 11);

    assertThat(tracker.committable()).isEmpty();
    assertThat(tracker.unfinished()).isEqualTo(2);
  }

  @Test
  @DisplayName("Out-of-order completions commit the highest contiguous done offset plus one")
  void outOfOrder() {
    for (long offset = 0; offset < 5; offset++) {
      tracker.track(P0, offset);
    }
    tracker.complete(P0, 3);
    tracker.complete(P0, 0);
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 1L));

    tracker.complete(P0, 1);
    tracker.complete(P0, 2);
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 4L));

    tracker.complete(P0, 4);
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 5L));
    assertThat(tracker.unfinished()).isZero();
  }

  @Test
  @DisplayName("Gaps in the offsets (compaction, transaction markers) do not block commits")
  void gaps() {
    tracker.track(P0, 5);
    tracker.track(P0, 9);
    tracker.track(P0, 20);
    tracker.complete(P0, 9);
    tracker.complete(P0, 5);

    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 10L));
  }

  @Test
  @DisplayName("Committed positions are not offered again; partitions are independent")
  void committedAndIndependent() {
    tracker.track(P0, 0);
    tracker.track(P1, 0);
    tracker.track(P1, 1);
    tracker.complete(P0, 0);
    tracker.complete(P1, 1);
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 1L));

    tracker.committed(Map.of(P0, 1L));
    assertThat(tracker.committable()).isEmpty();

    tracker.complete(P1, 0);
    assertThat(tracker.committable()).containsExactly(Map.entry(P1, 2L));
  }

  @Test
  @DisplayName("A revoked partition is forgotten; late completions of it are ignored")
  void revocation() {
    tracker.track(P0, 0);
    tracker.track(P0, 1);
    tracker.complete(P0, 0);

    tracker.revoke(Set.of(P0));
    tracker.complete(P0, 1);

    assertThat(tracker.committable()).isEmpty();
    assertThat(tracker.unfinished()).isZero();
    tracker.track(P0, 1);
    tracker.complete(P0, 1);
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 2L));
  }

  @Test
  @DisplayName("An offset received twice without a revocation is tracked once")
  void duplicates() {
    tracker.track(P0, 0);
    tracker.track(P0, 0);
    tracker.complete(P0, 0);

    assertThat(tracker.committable()).containsExactly(Map.entry(P0, 1L));
    assertThat(tracker.unfinished()).isZero();
  }
}
