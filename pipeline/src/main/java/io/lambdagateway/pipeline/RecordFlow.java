package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.LambdaLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk of a polled record: received by the commit strategy and the flow control, encoded,
 * packed into a batch ({@link Batcher}; closed when full or after the flush interval), sent and
 * resolved ({@link BatchResolver}: retried, bisected around poison records, stalled by {@link
 * StallRetry} or given up as {@code --on-exhausted} says), written in batch order ({@link
 * OrderedWriter}, {@link ResultWriter}, {@link DeadLetters}) as its {@link Delivery} says, then
 * done for the commit strategy and released by the flow control. A record too large for one request
 * goes to the dead-letter topic in the same order. Not thread-safe: use from the consumer's
 * context.
 */
final class RecordFlow {

  private static final Logger LOG = LoggerFactory.getLogger(RecordFlow.class);

  private final Vertx vertx;
  private final long flushIntervalMs;
  private final BatchResolver resolver;
  private final ResultWriter writer;
  private final DeadLetters deadLetters;
  private final Delivery delivery;
  private final OffsetCommits commits;
  private final SourceFlowControl flow;
  private final PipelineMetrics metrics;
  private final TransferRequests requests;
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
    this.requests = new TransferRequests(config.itemLayout());
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
    this.resolver =
        new BatchResolver(
            caller,
            stallRetry,
            config.onPoison(),
            config.onExhausted(),
            new TransformErrors(requests),
            metrics);
  }

  /**
   * Takes a poll in: counts its records as received, so that the flow control pauses the source
   * before the next poll when they fill the buffer. Returns the rest of the poll's work (encoding,
   * batching, calls), which the poll loop runs once it has asked for the next poll.
   */
  Runnable onPoll(KafkaConsumerRecords<byte[], byte[]> records) {
    if (stopping) {
      return () -> {};
    }
    metrics.recordsIn(records.size());
    List<SourceRecord> received = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<byte[], byte[]> record = records.recordAt(i);
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
      received.add(source);
    }
    flow.update();
    return () -> take(received);
  }

  /** Encodes and batches received records; at flush interval 0, sends them at once. */
  private void take(List<SourceRecord> received) {
    long now = System.currentTimeMillis();
    for (SourceRecord source : received) {
      admit(source, now);
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
      flow.released(dropped.heldBytes());
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

  private void admit(SourceRecord source, long now) {
    PendingRecord pending = new PendingRecord(source, requests.encodeRecord(source));
    flow.grew(pending.encoded().length);
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
    finish(
        ordered.submit(
            resolver.resolve(batch).compose(parts -> prepare(batch, parts)),
            prepared -> delivery.deliver(batch.records(), () -> writer.write(prepared)),
            "write of " + batch.describe()),
        batch.records());
  }

  /**
   * Serializes what the batch writes as soon as it is resolved, so that its parsed results do not
   * live on while earlier batches are still being called; a large batch on a worker thread, as its
   * response was parsed, to keep the event loop free for polls, calls and commits.
   */
  private Future<PreparedWrite> prepare(Batch batch, List<BatchPart> parts) {
    if (batch.requestBytes() <= BatchCaller.INLINE_PARSE_LIMIT_BYTES) {
      return Future.succeededFuture(writer.prepare(parts));
    }
    return vertx.executeBlocking(() -> writer.prepare(parts), false);
  }

  private void finish(Future<Void> written, List<PendingRecord> records) {
    written.onComplete(
        ar -> {
          for (PendingRecord record : records) {
            if (ar.succeeded()) {
              commits.done(record.source());
            }
            flow.released(record.heldBytes());
          }
          flow.update();
        });
  }
}
