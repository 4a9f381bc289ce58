package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The commit strategy's lifecycle against a committer whose commits complete when told. */
class OffsetCommitsTest {

  private static final SourcePartition P0 = new SourcePartition("t", 0);
  private static final SourcePartition P1 = new SourcePartition("t", 1);

  private final List<Map<SourcePartition, Long>> commitsSent = new ArrayList<>();
  private final List<Promise<Void>> commitAnswers = new ArrayList<>();
  private final OffsetCommits commits =
      new OffsetCommits(
          positions -> {
            commitsSent.add(Map.copyOf(positions));
            Promise<Void> answer = Promise.promise();
            commitAnswers.add(answer);
            return answer.future();
          });

  private static SourceRecord record(SourcePartition partition, long offset) {
    return new SourceRecord(partition.topic(), partition.partition(), offset, 0, null, null);
  }

  private void receive(SourcePartition partition, long... offsets) {
    for (long offset : offsets) {
      commits.received(record(partition, offset));
    }
  }

  private void done(SourcePartition partition, long... offsets) {
    for (long offset : offsets) {
      commits.done(record(partition, offset));
    }
  }

  @Test
  @DisplayName("Only the contiguous done prefix is committed, per assigned partition")
  void contiguous() {
    commits.assigned(Set.of(P0, P1));
    receive(P0, 0, 1, 2);
    receive(P1, 5);
    done(P0, 0, 2);
    done(P1, 5);

    commits.commitPeriodically();
    commitAnswers.get(0).complete();
    done(P0, 1);
    commits.commitPeriodically();

    assertThat(commitsSent).containsExactly(Map.of(P0, 1L, P1, 6L), Map.of(P0, 3L));
  }

  @Test
  @DisplayName(
      "Nothing is committed for a partition that is not assigned, nor when nothing advanced")
  void assignedOnly() {
    commits.assigned(Set.of(P0));
    receive(P1, 0);
    done(P1, 0);

    assertThat(commits.commitDone().succeeded()).isTrue();
    assertThat(commitsSent).isEmpty();
  }

  @Test
  @DisplayName(
      "One commit at a time: the periodic one is skipped, an explicit one follows the running one")
  void oneAtATime() {
    commits.assigned(Set.of(P0));
    receive(P0, 0, 1);
    done(P0, 0);
    commits.commitPeriodically();
    done(P0, 1);

    commits.commitPeriodically();
    Future<Void> next = commits.commitDone();
    assertThat(commitsSent).hasSize(1);
    commitAnswers.get(0).complete();

    assertThat(commitsSent).containsExactly(Map.of(P0, 1L), Map.of(P0, 2L));
    assertThat(next.isComplete()).isFalse();
    commitAnswers.get(1).complete();
    assertThat(next.succeeded()).isTrue();
  }

  @Test
  @DisplayName("A failed commit is retried by the next one")
  void failedCommit() {
    commits.assigned(Set.of(P0));
    receive(P0, 0);
    done(P0, 0);
    commits.commitPeriodically();
    commitAnswers.get(0).fail("coordinator moved");
    commits.commitPeriodically();

    assertThat(commitsSent).containsExactly(Map.of(P0, 1L), Map.of(P0, 1L));
  }

  @Test
  @DisplayName(
      "The final commit waits for the drain and a running commit, then includes later work")
  void terminate() {
    commits.assigned(Set.of(P0));
    receive(P0, 0, 1);
    done(P0, 0);
    commits.commitPeriodically();
    Promise<Void> drained = Promise.promise();
    Future<Void> stopped = commits.terminate(true, drained.future());

    done(P0, 1);
    drained.fail("grace period over");
    assertThat(commitsSent).hasSize(1);
    commitAnswers.get(0).complete();
    assertThat(commitsSent).containsExactly(Map.of(P0, 1L), Map.of(P0, 2L));
    commitAnswers.get(1).complete();
    assertThat(stopped.succeeded()).isTrue();
  }

  @Test
  @DisplayName("Without commit on stop, terminating commits nothing")
  void terminateWithoutCommit() {
    commits.assigned(Set.of(P0));
    receive(P0, 0);
    done(P0, 0);

    assertThat(commits.terminate(false, Future.succeededFuture()).succeeded()).isTrue();
    assertThat(commitsSent).isEmpty();
  }

  @Test
  @DisplayName("Revocation commits the revoked partitions' done offsets and forgets them")
  void revoked() {
    commits.assigned(Set.of(P0, P1));
    receive(P0, 0, 1);
    receive(P1, 0);
    done(P0, 0);
    done(P1, 0);

    commits.revoked(Set.of(P0));
    done(P0, 1);
    commits.commitPeriodically();

    assertThat(commitsSent).containsExactly(Map.of(P0, 1L), Map.of(P1, 1L));
  }

  @Test
  @DisplayName("After terminate a revocation commits nothing (the final commit was made)")
  void revokedWhileTerminating() {
    commits.assigned(Set.of(P0));
    receive(P0, 0);
    done(P0, 0);
    commits.terminate(false, Promise.<Void>promise().future());

    commits.revoked(Set.of(P0));

    assertThat(commitsSent).isEmpty();
  }
}
