package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.LambdaLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatcherTest {

  /** A pending record whose encoded request record is exactly {@code size} bytes. */
  private static PendingRecord pending(int partition, long offset, int size) {
    byte[] encoded = new byte[size];
    Arrays.fill(encoded, (byte) 'x');
    return new PendingRecord(
        new SourceRecord("t", partition, offset, 0, null, new byte[1]), encoded);
  }

  @Test
  @DisplayName("A batch is closed before its request would grow past the buffer size")
  void closesAtBufferSize() {
    // 14 bytes of envelope; each record 100 bytes plus a comma between records.
    Batcher batcher = new Batcher(14 + 100 * 3 + 2, 10_000);

    assertThat(batcher.add(pending(0, 0, 100), 0)).isEmpty();
    assertThat(batcher.add(pending(0, 1, 100), 0)).isEmpty();
    List<Batch> closed = batcher.add(pending(0, 2, 100), 0);

    assertThat(closed)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.records())
                  .extracting(r -> r.source().offset())
                  .containsExactly(0L, 1L, 2L);
              assertThat(b.requestBytes()).isEqualTo(316).isEqualTo(b.request().joined().length);
            });
    assertThat(batcher.pendingCount()).isZero();
  }

  @Test
  @DisplayName("A record that would overflow the batch starts the next one")
  void overflowStartsNextBatch() {
    Batcher batcher = new Batcher(250, 10_000);
    batcher.add(pending(0, 0, 100), 0);

    List<Batch> closed = batcher.add(pending(0, 1, 200), 0);

    assertThat(closed).singleElement().satisfies(b -> assertThat(b.records()).hasSize(1));
    assertThat(batcher.pendingCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("A record larger than the buffer size travels alone; one beyond 6 MB does not fit")
  void oversizedRecords() {
    Batcher batcher = new Batcher(1000, LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    batcher.add(pending(0, 0, 10), 0);

    List<Batch> closed = batcher.add(pending(0, 1, 5000), 0);

    assertThat(closed).hasSize(2);
    assertThat(closed.get(1).records()).extracting(r -> r.source().offset()).containsExactly(1L);
    PendingRecord huge = pending(0, 2, LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    assertThat(batcher.fits(huge)).isFalse();
    assertThat(batcher.fits(pending(0, 3, LambdaLimits.MAX_SYNC_REQUEST_BYTES - 14))).isTrue();
    assertThatThrownBy(() -> batcher.add(huge, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "Random record sizes: order kept, no batch over the buffer size unless alone, none over 6 MB")
  void randomSizes() {
    Random random = new Random(7);
    int bufferSize = 1024 * 1024;
    Batcher batcher = new Batcher(bufferSize, LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    List<Batch> batches = new ArrayList<>();
    for (int offset = 0; offset < 3000; offset++) {
      int size = random.nextInt(10) == 0 ? random.nextInt(2 * bufferSize) : random.nextInt(5000);
      batches.addAll(batcher.add(pending(0, offset, size + 1), 0));
    }
    batches.addAll(batcher.drain());

    assertThat(batches)
        .flatExtracting(Batch::records)
        .extracting(r -> r.source().offset())
        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 3000).boxed().toList());
    assertThat(batches)
        .allSatisfy(
            b -> {
              assertThat(b.requestBytes())
                  .isEqualTo(b.request().joined().length)
                  .isLessThanOrEqualTo(LambdaLimits.MAX_SYNC_REQUEST_BYTES);
              if (b.records().size() > 1) {
                assertThat(b.requestBytes()).isLessThanOrEqualTo(bufferSize);
              }
            });
  }

  @Test
  @DisplayName("The flush interval is due once the oldest pending record has waited that long")
  void flushInterval() {
    Batcher batcher = new Batcher(10_000, 10_000);
    assertThat(batcher.due(5_000, 1000)).isFalse();
    batcher.add(pending(0, 0, 10), 1000);
    batcher.add(pending(0, 1, 10), 1900);

    assertThat(batcher.due(1999, 1000)).isFalse();
    assertThat(batcher.due(2000, 1000)).isTrue();
    assertThat(batcher.due(1000, 0)).isTrue();
    assertThat(batcher.drain()).singleElement().satisfies(b -> assertThat(b.records()).hasSize(2));
    assertThat(batcher.drain()).isEmpty();
  }

  @Test
  @DisplayName("Revoking a partition removes only its pending records")
  void removePartitions() {
    Batcher batcher = new Batcher(10_000, 10_000);
    batcher.add(pending(0, 0, 10), 0);
    batcher.add(pending(1, 0, 10), 0);
    batcher.add(pending(0, 1, 10), 0);

    List<PendingRecord> removed = batcher.removePartitions(Set.of(new SourcePartition("t", 0)));

    assertThat(removed).hasSize(2);
    assertThat(batcher.drain())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.records()).extracting(r -> r.source().partition()).containsExactly(1);
              assertThat(b.requestBytes()).isEqualTo(14 + 10);
            });
  }

  @Test
  @DisplayName("A buffer size above 6 MB is refused")
  void bufferLimit() {
    assertThatThrownBy(
            () ->
                new Batcher(
                    LambdaLimits.MAX_SYNC_REQUEST_BYTES + 1, LambdaLimits.MAX_SYNC_REQUEST_BYTES))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
