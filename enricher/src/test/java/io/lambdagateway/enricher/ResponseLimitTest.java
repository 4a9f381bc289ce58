package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.LambdaLimits;
import io.lambdagateway.transfer.ResponseTooLargeException;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The amplification attack of issue 9: one record of many tiny rows whose answer would be dozens of
 * times its size. The enricher stops at the response limit, quickly and without allocating the
 * answer it refuses.
 */
@DisplayName("The enricher under its response limit")
class ResponseLimitTest {

  private static final int LIMIT = LambdaLimits.MAX_RESPONSE_BYTES;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));

  @Test
  @DisplayName("tiny rows inflating past 6 MiB stop early with ResponseTooLarge, allocating ~limit")
  void amplificationStopsAtTheLimit() {
    // 3 MB of "ts=1&data={}" rows: a 4 MB request whose full answer would be ~180 MB
    byte[] request = Batches.request(Batches.kafkaRecord(1, "ts=1&data={}\n".repeat(240_000)));
    assertThat(request.length).isLessThan(LambdaLimits.MAX_SYNC_REQUEST_BYTES);

    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long started = System.nanoTime();
    assertThatThrownBy(() -> enricher.transform(request, LIMIT))
        .isInstanceOf(ResponseTooLargeException.class)
        .extracting(e -> ((ResponseTooLargeException) e).limitBytes())
        .isEqualTo((long) LIMIT);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;

    assertThat(tookMillis).isLessThan(2_000);
    // reading the request (its text, the decoded value) plus an output that doubles up to the limit
    assertThat(allocated).isLessThan(4L * request.length + 2L * LIMIT + (8 << 20));
  }

  @Test
  @DisplayName("rows the fast path refuses are bounded too, before their items fill the heap")
  void genericPathStopsAtTheLimit() {
    // a non-ASCII ts sends every row down the generic path of change-item objects
    byte[] request = Batches.request(Batches.kafkaRecord(1, "ts=é&data={}\n".repeat(240_000)));

    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> enricher.transform(request, LIMIT))
        .isInstanceOf(ResponseTooLargeException.class);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;

    assertThat(allocated).isLessThan(4L * request.length + 16L * LIMIT);
  }

  @Test
  @DisplayName("a split item of the generic path takes more than the bound assumed per item")
  void minimumItemSizeHolds() {
    int one = enricher.transform(Batches.request(Batches.kafkaRecord(1, "ts=é&data={}"))).length;
    int many =
        enricher.transform(Batches.request(Batches.kafkaRecord(1, "ts=é&data={}\n".repeat(101))))
            .length;

    assertThat((many - one) / 100).isGreaterThanOrEqualTo(RecordEnricher.MIN_SPLIT_ITEM_BYTES);
  }

  @Test
  @DisplayName("an answer that fits is the same with and without the limit")
  void answerUnderTheLimitIsUnchanged() {
    byte[] request = Batches.request(Batches.kafkaRecord(1, Batches.PRODUCER_ROW));
    byte[] unlimited = enricher.transform(request);

    byte[] limited = enricher.transform(request, unlimited.length);

    assertThat(limited).isEqualTo(unlimited);
    List<ResultRecord> results = BatchJson.readResponse(limited);
    assertThat(results).extracting(ResultRecord::result).containsExactly(Result.SPLIT);
    assertThatThrownBy(() -> enricher.transform(request, unlimited.length - 1))
        .isInstanceOf(ResponseTooLargeException.class);
  }
}
