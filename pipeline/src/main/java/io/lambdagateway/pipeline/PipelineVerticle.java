package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.LambdaLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Transfer does for a Kafka → Lambda → Kafka transfer: consume the source topic in a
 * consumer group, pack the messages into batches ({@link Batcher}), call the function
 * ({@link BatchCaller}), write the rows to the target topic and failed records to the dead-letter
 * topic ({@link ResultWriter}), and commit source offsets ({@link OffsetTracker}).
 *
 * <p>Guarantees: at-least-once. An offset is committed only after every write it caused was
 * acknowledged by Kafka (idempotent producer, acks=all); auto-commit is off. Nothing is skipped:
 * when a call still fails after its retries, consumption pauses, the batch is retried with capped
 * back-off until it succeeds ({@link #stalled()} is true meanwhile), then consumption resumes.
 * Function calls run in parallel; writes are issued in batch order (without waiting for the
 * previous batch's acknowledgements), so each source partition's rows keep their order unless a
 * failed write has to be re-sent. Memory is bounded: consumption pauses at {@code maxBufferedRecords} or
 * {@code maxBufferedBytes} of unfinished records and resumes at half (partitions are paused, the
 * consumer keeps polling, so it stays in its group). On revocation, buffered records of revoked
 * partitions are dropped (the next owner reads them again) and their done offsets are committed,
 * best effort. On stop, records not yet sent are abandoned, calls and writes in flight get
 * {@code stopGrace} to finish, then what is done is committed. Duplicates are possible after a
 * crash, a stall of a write, or a rebalance.
 */
public final class PipelineVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineVerticle.class);

  private final PipelineConfig config;
  private final MeterRegistry registry;
  private final TransferRequestBuilder requests = new TransferRequestBuilder();
  private final OffsetTracker offsets = new OffsetTracker();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Set<Future<Void>> inFlight = new HashSet<>();
  private Batcher batcher;
  private PipelineMetrics metrics;
  private LambdaInvoker invoker;
  private BatchCaller caller;
  private ResultWriter writer;
  private ConsumerLag lag;
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaProducer<byte[], byte[]> producer;
  /** Completes when the latest batch's writes were issued to the producer. */
  private Future<Void> writeOrder = Future.succeededFuture();
  private long bufferedRecords;
  private long bufferedBytes;
  private int stalledBatches;
  private boolean paused;
  private boolean stopping;
  private boolean committing;
  private Future<Void> commitInFlight = Future.succeededFuture();
  private long commitTimer = -1;
  private long flushTimer = -1;
  private long lagTimer = -1;
  private volatile boolean stalledFlag;
  private volatile int assignedCount;

  /** A pipeline whose meters go to {@code registry}. */
  public PipelineVerticle(PipelineConfig config, MeterRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  /** A pipeline with a private meter registry. */
  public static PipelineVerticle create(PipelineConfig config) {
    return new PipelineVerticle(config, new SimpleMeterRegistry());
  }

  /**
   * A config builder for a PLAINTEXT cluster and a function URL (base URL, the function name is
   * appended), with every other setting at its default: the shortest way to start a pipeline in
   * a test.
   */
  public static PipelineConfig.Builder configFor(String bootstrapServers, String functionUrl) {
    return PipelineConfig.builder(bootstrapServers).functionUrl(functionUrl);
  }

  /** True while a batch keeps failing after its retries (consumption is paused). */
  public boolean stalled() {
    return stalledFlag;
  }

  /** Number of source partitions currently assigned to this instance. */
  public int assignedPartitionCount() {
    return assignedCount;
  }

  @Override
  public Future<?> start() {
    metrics = new PipelineMetrics(registry);
    batcher = new Batcher(config.bufferSizeBytes(), LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    producer = KafkaProducer.create(vertx, KafkaProperties.producer(config), byte[].class,
      byte[].class);
    writer = new ResultWriter(producer, config, metrics);
    consumer = KafkaConsumer.create(vertx, KafkaProperties.consumer(config), byte[].class,
      byte[].class);
    consumer.exceptionHandler(err -> LOG.error("source consumer failed", err));
    consumer.partitionsAssignedHandler(this::onAssigned);
    consumer.partitionsRevokedHandler(this::onRevoked);
    consumer.batchHandler(this::onPoll);
    lag = new ConsumerLag(consumer, metrics);
    return createInvoker()
      .compose(created -> {
        invoker = new BoundedInvoker(created, config.maxConnections());
        caller = new BatchCaller(vertx, invoker, config.retries(), config.retryBackoff(), metrics);
        return caller.probe();
      })
      .compose(v -> {
        // Records are taken a whole poll at a time by the batch handler; the record handler only
        // starts the stream.
        consumer.handler(record -> { });
        return consumer.subscribe(config.sourceTopic());
      })
      .onSuccess(v -> {
        commitTimer = vertx.setPeriodic(config.commitInterval().toMillis(), id -> {
          if (!committing) {
            commitDone();
          }
        });
        lagTimer = vertx.setPeriodic(config.lagRefreshInterval().toMillis(),
          id -> lag.refresh(assigned));
        LOG.info("pipeline {} -> {} -> {} started (group {}, dead letters to {})",
          config.sourceTopic(), config.functionName(), config.targetTopic(), config.groupId(),
          config.dlqTopic());
      });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(commitTimer);
    vertx.cancelTimer(flushTimer);
    vertx.cancelTimer(lagTimer);
    int abandoned = batcher.drain().stream().mapToInt(b -> b.records().size()).sum();
    LOG.info("stopping: {} buffered records abandoned, {} batches in flight", abandoned,
      inFlight.size());
    return Future.join(new ArrayList<>(inFlight))
      .timeout(config.stopGrace().toMillis(), TimeUnit.MILLISECONDS)
      .transform(ar -> config.commitOnStop() ? commitDone() : Future.<Void>succeededFuture())
      .transform(ar -> consumer.close())
      .transform(ar -> producer.close())
      .transform(ar -> invoker.close());
  }

  private Future<LambdaInvoker> createInvoker() {
    return switch (config.target()) {
      case FUNCTION_URL -> Future.succeededFuture(HttpInvoker.functionUrl(vertx, config));
      case INVOKE_API -> Future.succeededFuture(HttpInvoker.invokeApi(vertx, config));
      // Building the SDK client may resolve the region from profile files or instance metadata.
      case AWS -> vertx.executeBlocking(() -> AwsLambdaInvoker.create(context, config));
    };
  }

  private void onPoll(KafkaConsumerRecords<byte[], byte[]> records) {
    if (stopping) {
      return;
    }
    long now = System.currentTimeMillis();
    metrics.recordsIn(records.size());
    for (int i = 0; i < records.size(); i++) {
      admit(records.recordAt(i), now);
    }
    if (config.flushInterval().isZero()) {
      batcher.drain().forEach(this::dispatch);
    } else {
      armFlushTimer();
    }
    updateFlow();
  }

  private void admit(KafkaConsumerRecord<byte[], byte[]> record, long now) {
    SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(),
      record.timestamp(), record.key(), record.value());
    offsets.track(source.sourcePartition(), source.offset());
    bufferedRecords++;
    bufferedBytes += source.sizeBytes();
    PendingRecord pending = new PendingRecord(source, requests.encodeRecord(source));
    if (batcher.fits(pending)) {
      batcher.add(pending, now).forEach(this::dispatch);
    } else {
      String error = "record too large: its request of " + pending.encoded().length
        + " bytes exceeds the " + LambdaLimits.MAX_SYNC_REQUEST_BYTES + "-byte Lambda limit";
      writeInOrder(Future.succeededFuture(), ignored -> writer.deadLetter(source, error),
        "dead letter of offset " + source.offset(), List.of(pending));
    }
  }

  private void armFlushTimer() {
    if (flushTimer != -1 || batcher.pendingCount() == 0) {
      return;
    }
    long interval = config.flushInterval().toMillis();
    long wait = Math.max(1, batcher.firstPendingAtMs() + interval - System.currentTimeMillis());
    flushTimer = vertx.setTimer(wait, id -> {
      flushTimer = -1;
      if (!stopping && batcher.due(System.currentTimeMillis(), interval)) {
        batcher.drain().forEach(this::dispatch);
      }
      if (!stopping) {
        armFlushTimer();
      }
    });
  }

  private void dispatch(Batch batch) {
    String what = "batch of " + batch.records().size() + " records from offset "
      + batch.records().get(0).source().offset();
    Future<List<RecordResult>> results = caller.call(batch).recover(err ->
      untilDone(err, () -> caller.call(batch), "call of " + what));
    writeInOrder(results, list -> {
      list.forEach(result -> metrics.result(result.status()));
      return writer.write(batch, list);
    }, "write of " + what, batch.records());
  }

  /**
   * Issues the writes of {@code ready} once it is available AND the previous batch's writes were
   * issued (not acknowledged): the producer keeps that order per partition, and batches do not
   * wait for each other's acknowledgements.
   */
  private <T> void writeInOrder(Future<T> ready, Function<T, Future<Void>> write, String what,
      List<PendingRecord> records) {
    Promise<Void> issued = Promise.promise();
    Future<Void> written = writeOrder.transform(ar -> ready).compose(value -> {
      Future<Void> acked;
      try {
        acked = write.apply(value);
      } catch (RuntimeException e) {
        acked = Future.failedFuture(e);
      } finally {
        issued.complete();
      }
      return acked.recover(err -> untilDone(err, () -> write.apply(value), what));
    }, err -> {
      issued.complete();
      return Future.failedFuture(err);
    });
    writeOrder = issued.future();
    track(written, records);
  }

  private void track(Future<Void> written, List<PendingRecord> records) {
    inFlight.add(written);
    written.onComplete(ar -> {
      inFlight.remove(written);
      for (PendingRecord record : records) {
        if (ar.succeeded()) {
          offsets.complete(record.source().sourcePartition(), record.source().offset());
        }
        bufferedRecords--;
        bufferedBytes -= record.source().sizeBytes();
      }
      updateFlow();
    });
  }

  /**
   * After {@code step} failed (with its own retries) with {@code err}: runs it again, with capped
   * back-off, until it succeeds; the batch counts as stalled meanwhile.
   */
  private <T> Future<T> untilDone(Throwable err, Supplier<Future<T>> step, String what) {
    return stalledRetry(step, what, err, 1)
      .onSuccess(v -> LOG.info("{} succeeded after being stalled", what));
  }

  private <T> Future<T> stalledRetry(Supplier<Future<T>> step, String what, Throwable err,
      int attempt) {
    if (stopping) {
      return leaveStall(attempt, Future.failedFuture(err));
    }
    if (attempt == 1) {
      stalledBatches++;
      updateFlow();
    }
    long delay = config.stallBackoff().delayMs(attempt, ThreadLocalRandom.current()::nextDouble);
    LOG.error("{} failed after all retries ({}); consumption paused, attempt {} in {} ms", what,
      err.getMessage(), attempt + 1, delay);
    return vertx.timer(delay)
      .compose(v -> stopping ? Future.<T>failedFuture(err) : step.get())
      .transform(ar -> ar.succeeded()
        ? leaveStall(attempt + 1, Future.succeededFuture(ar.result()))
        : stalledRetry(step, what, ar.cause(), attempt + 1));
  }

  private <T> Future<T> leaveStall(int attempt, Future<T> outcome) {
    if (attempt > 1) {
      stalledBatches--;
      updateFlow();
    }
    return outcome;
  }

  private void updateFlow() {
    stalledFlag = stalledBatches > 0;
    metrics.buffered(bufferedRecords, bufferedBytes);
    metrics.stalledBatches(stalledBatches);
    boolean full = bufferedRecords >= config.maxBufferedRecords()
      || bufferedBytes >= config.maxBufferedBytes();
    boolean drained = bufferedRecords <= config.maxBufferedRecords() / 2
      && bufferedBytes <= config.maxBufferedBytes() / 2;
    if (!paused && (full || stalledBatches > 0) && !stopping) {
      paused = true;
      LOG.debug("pausing consumption ({} records, {} bytes unfinished, {} stalled batches)",
        bufferedRecords, bufferedBytes, stalledBatches);
      pausePartitions(assigned);
    } else if (paused && stalledBatches == 0 && drained && !stopping) {
      paused = false;
      LOG.debug("resuming consumption");
      consumer.resume(new HashSet<>(assigned))
        .onFailure(err -> LOG.warn("resuming the source partitions failed", err));
    }
    metrics.paused(paused);
  }

  private void pausePartitions(Set<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      consumer.pause(new HashSet<>(partitions))
        .onFailure(err -> LOG.warn("pausing the source partitions failed", err));
    }
  }

  private void onAssigned(Set<TopicPartition> partitions) {
    assigned.addAll(partitions);
    assignedCount = assigned.size();
    LOG.info("assigned {}", partitions);
    if (paused) {
      pausePartitions(partitions);
    }
  }

  private void onRevoked(Set<TopicPartition> partitions) {
    assigned.removeAll(partitions);
    assignedCount = assigned.size();
    Set<SourcePartition> revoked = partitions.stream()
      .map(p -> new SourcePartition(p.getTopic(), p.getPartition()))
      .collect(Collectors.toSet());
    for (PendingRecord dropped : batcher.removePartitions(revoked)) {
      bufferedRecords--;
      bufferedBytes -= dropped.source().sizeBytes();
    }
    Map<SourcePartition, Long> done = new HashMap<>(offsets.committable());
    done.keySet().retainAll(revoked);
    offsets.revoke(revoked);
    if (stopping) {
      // stop() made the final commit (or, simulating a crash, none); the consumer is closing.
      return;
    }
    LOG.info("revoked {}; committing {} (best effort)", partitions, done);
    if (!done.isEmpty()) {
      consumer.commit(toKafka(done))
        .onFailure(err -> LOG.warn("commit on revocation failed: {}", err.getMessage()));
    }
    updateFlow();
  }

  private Future<Void> commitDone() {
    Map<SourcePartition, Long> positions = new HashMap<>(offsets.committable());
    positions.keySet().removeIf(p -> !assigned.contains(new TopicPartition(p.topic(), p.partition())));
    if (committing) {
      // A periodic commit is under way: commit again after it, so the final commit on stop
      // includes what was done since it started.
      return commitInFlight.transform(ar -> commitDone());
    }
    if (positions.isEmpty()) {
      return Future.succeededFuture();
    }
    committing = true;
    commitInFlight = consumer.commit(toKafka(positions))
      .onSuccess(v -> offsets.committed(positions))
      .onFailure(err -> LOG.warn("offset commit failed: {}", err.getMessage()))
      .andThen(ar -> committing = false)
      .mapEmpty();
    return commitInFlight;
  }

  private static Map<TopicPartition, OffsetAndMetadata> toKafka(Map<SourcePartition, Long> positions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    positions.forEach((p, position) ->
      offsets.put(new TopicPartition(p.topic(), p.partition()), new OffsetAndMetadata(position, "")));
    return offsets;
  }
}
