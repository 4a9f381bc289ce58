package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.LambdaLimits;
import io.lambdagateway.transfer.ResultRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk of a polled record: received by the commit strategy and the flow control, encoded,
 * packed into a batch ({@link Batcher}; closed when full or after the flush interval), sent ({@link
 * BatchCaller}; stalled and retried by {@link StallRetry} when its retries run out), written in
 * batch order ({@link OrderedWriter}, {@link ResultWriter}) as its {@link Delivery} says, then done
 * for the commit strategy and released by the flow control. A record too large for one request goes
 * to the dead-letter topic in the same order. Not thread-safe: use from the consumer's context.
 */
final class RecordFlow {

  private static final Logger LOG = LoggerFactory.getLogger(RecordFlow.class);

  private final Vertx vertx;
  private final long flushIntervalMs;
  private final BatchCaller caller;
  private final ResultWriter writer;
  private final DeadLetters deadLetters;
  private final Delivery delivery;
  private final OffsetCommits commits;
  private final SourceFlowControl flow;
  private final PipelineMetrics metrics;
  private final TransferRequests requests = new TransferRequests();
  private final Batcher batcher;
  private final StallRetry stallRetry;
  private final OrderedWriter ordered;
  private long flushTimer = -1;
  private boolean stopping;

  RecordFlow(
      Vertx vertx,
      PipelineConfig config,
      BatchCaller caller,
      ResultWriter writer,
      DeadLetters deadLetters,
      Delivery delivery,
      OffsetCommits commits,
      SourceFlowControl flow,
      PipelineMetrics metrics) {
    this.vertx = vertx;
    this.flushIntervalMs = config.flushInterval().toMillis();
    this.caller = caller;
    this.writer = writer;
    this.deadLetters = deadLetters;
    this.delivery = delivery;
    this.commits = commits;
    this.flow = flow;
    this.metrics = metrics;
    this.batcher = new Batcher(config.bufferSizeBytes(), LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    this.stallRetry =
        new StallRetry(
            config.stallBackoff(),
            () -> ThreadLocalRandom.current().nextDouble(),
            vertx::timer,
            flow);
    this.ordered = new OrderedWriter(stallRetry, delivery.oneAtATime());
  }

  /** Takes a whole poll. */
  void onPoll(KafkaConsumerRecords<byte[], byte[]> records) {
    if (stopping) {
      return;
    }
    long now = System.currentTimeMillis();
    metrics.recordsIn(records.size());
    for (int i = 0; i < records.size(); i++) {
      admit(records.recordAt(i), now);
    }
    if (flushIntervalMs == 0) {
      batcher.drain().forEach(this::dispatch);
    } else {
      armFlushTimer();
    }
    flow.update();
  }

  /** Drops the records of revoked partitions not sent yet (the next owner reads them again). */
  void revoked(Set<SourcePartition> partitions) {
    for (PendingRecord dropped : batcher.removePartitions(partitions)) {
      flow.released(dropped.source().sizeBytes());
    }
    if (!stopping) {
      flow.update();
    }
  }

  /**
   * Abandons the records not sent yet and stops stalled retries; completes when the calls and
   * writes in flight finished or after {@code graceMs}.
   */
  Future<Void> stop(long graceMs) {
    stopping = true;
    stallRetry.stop();
    flow.stop();
    vertx.cancelTimer(flushTimer);
    int abandoned = batcher.drain().stream().mapToInt(b -> b.records().size()).sum();
    LOG.info(
        "stopping: {} buffered records abandoned, {} batches in flight",
        abandoned,
        ordered.inFlight());
    return ordered.settled().timeout(graceMs, TimeUnit.MILLISECONDS);
  }

  private void admit(KafkaConsumerRecord<byte[], byte[]> record, long now) {
    SourceRecord source =
        new SourceRecord(
            record.topic(),
            record.partition(),
            record.offset(),
            record.timestamp(),
            record.key(),
            record.value());
    commits.received(source);
    flow.received(source.sizeBytes());
    PendingRecord pending = new PendingRecord(source, requests.encodeRecord(source));
    if (batcher.fits(pending)) {
      batcher.add(pending, now).forEach(this::dispatch);
    } else {
      String error =
          "record too large: its request of "
              + pending.encoded().length
              + " bytes exceeds the "
              + LambdaLimits.MAX_SYNC_REQUEST_BYTES
              + "-byte Lambda limit";
      finish(
          ordered.submit(
              Future.succeededFuture(),
              ignored -> delivery.deliver(List.of(pending), () -> deadLetters.send(source, error)),
              "dead letter of offset " + source.offset()),
          List.of(pending));
    }
  }

  private void armFlushTimer() {
    if (flushTimer != -1 || batcher.pendingCount() == 0) {
      return;
    }
    long wait =
        Math.max(1, batcher.firstPendingAtMs() + flushIntervalMs - System.currentTimeMillis());
    flushTimer =
        vertx.setTimer(
            wait,
            id -> {
              flushTimer = -1;
              if (!stopping && batcher.due(System.currentTimeMillis(), flushIntervalMs)) {
                batcher.drain().forEach(this::dispatch);
              }
              if (!stopping) {
                armFlushTimer();
              }
            });
  }

  private void dispatch(Batch batch) {
    String what =
        "batch of "
            + batch.records().size()
            + " records from offset "
            + batch.records().get(0).source().offset();
    Future<List<ResultRecord>> results =
        caller
            .call(batch)
            .recover(err -> stallRetry.untilDone(err, () -> caller.call(batch), "call of " + what));
    finish(
        ordered.submit(
            results,
            list -> {
              list.forEach(result -> metrics.result(result.result()));
              return delivery.deliver(batch.records(), () -> writer.write(batch, list));
            },
            "write of " + what),
        batch.records());
  }

  private void finish(Future<Void> written, List<PendingRecord> records) {
    written.onComplete(
        ar -> {
          for (PendingRecord record : records) {
            if (ar.succeeded()) {
              commits.done(record.source());
            }
            flow.released(record.source().sizeBytes());
          }
          flow.update();
        });
  }
}
