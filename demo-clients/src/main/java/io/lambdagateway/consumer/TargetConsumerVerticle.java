package io.lambdagateway.consumer;

import io.lambdagateway.kafka.RateMeter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the target topic and prints each record value as one JSON line ({@link JsonLines}), the
 * public example's CONSUMER step; or, with {@link TargetConsumerConfig#summaryOnly()}, only the
 * record count every {@link TargetConsumerConfig#summaryInterval()} and at the end.
 *
 * <p>Printing runs on a worker ({@link LinePrinter}); when the output falls behind, the consumer
 * pauses. Offsets of records handed to the printer are committed for the group every summary
 * interval and when the run ends, so a restarted consumer continues after them (at-least-once
 * display: a crash can repeat up to one interval of records).
 *
 * <p>{@link #ready()} completes once partitions are assigned and their start positions resolved;
 * records written after that are seen even when starting from LATEST. {@link #completion()}
 * completes with the {@link ConsumerReport} after {@link TargetConsumerConfig#maxRecords()}
 * records, or when the verticle is undeployed.
 */
public final class TargetConsumerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TargetConsumerVerticle.class);

  /** Lines waiting for the output before the consumer pauses. */
  private static final int PRINT_HIGH_WATERMARK = 10_000;

  private final TargetConsumerConfig cfg;
  private final Promise<ConsumerReport> completion = Promise.promise();
  private final Promise<Void> ready = Promise.promise();
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  private KafkaConsumer<String, String> consumer;
  private LinePrinter printer;
  private RateMeter meter;
  private long records;
  private long summaryTimer = -1;
  private Future<Void> finishing;

  public TargetConsumerVerticle(TargetConsumerConfig cfg) {
    this.cfg = cfg;
  }

  /** Completes once the consumer has partitions and knows where it starts on them. */
  public Future<Void> ready() {
    return ready.future();
  }

  /** Completes with the run's report; see the class comment. */
  public Future<ConsumerReport> completion() {
    return completion.future();
  }

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, consumerProperties());
    printer = new LinePrinter(vertx, cfg.out(), PRINT_HIGH_WATERMARK);
    printer.drainHandler(this::resumeUnlessFinished);
    consumer.handler(this::onRecord);
    consumer.exceptionHandler(err -> LOG.warn("target consumer error on {}", cfg.topic(), err));
    meter = new RateMeter(System.nanoTime());
    summaryTimer = vertx.setPeriodic(cfg.summaryInterval().toMillis(), id -> onSummaryTick());
    return cfg.partitions().isEmpty() ? subscribe() : assign();
  }

  @Override
  public Future<?> stop() {
    return finish().eventually(consumer::close);
  }

  private Map<String, String> consumerProperties() {
    // Offsets are committed for printed records only (see the class comment).
    Map<String, String> props =
        cfg.kafka().manualCommitConsumerProperties(cfg.groupId(), cfg.from().offsetReset());
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    return props;
  }

  private Future<Void> subscribe() {
    consumer.partitionsAssignedHandler(this::resolvePositions);
    return consumer.subscribe(cfg.topic());
  }

  private Future<Void> assign() {
    Set<TopicPartition> partitions =
        cfg.partitions().stream()
            .map(partition -> new TopicPartition(cfg.topic(), partition))
            .collect(Collectors.toSet());
    return consumer.assign(partitions).onSuccess(v -> resolvePositions(partitions));
  }

  /**
   * Asking for positions makes the client apply the offset reset now rather than on a later poll.
   */
  private void resolvePositions(Set<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Future.all(partitions.stream().map(consumer::position).toList())
        .onSuccess(positions -> ready.tryComplete())
        .onFailure(err -> LOG.warn("cannot resolve start positions on {}", cfg.topic(), err));
  }

  private void onRecord(KafkaConsumerRecord<String, String> record) {
    if (finishing != null) {
      return;
    }
    records++;
    uncommitted.put(
        new TopicPartition(record.topic(), record.partition()),
        new OffsetAndMetadata(record.offset() + 1, null));
    if (!cfg.summaryOnly()) {
      printer.print(JsonLines.toLine(record.value()));
      if (printer.full()) {
        consumer.pause();
      }
    }
    if (cfg.maxRecords() > 0 && records >= cfg.maxRecords()) {
      finish();
    }
  }

  private void resumeUnlessFinished() {
    if (finishing == null) {
      consumer.resume();
    }
  }

  private void onSummaryTick() {
    commit();
    if (cfg.summaryOnly()) {
      double rate = meter.rateSinceLast(records, System.nanoTime());
      printer.print(String.format("consumed %d records (%.1f records/s)", records, rate));
    }
  }

  private Future<Void> commit() {
    if (uncommitted.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(uncommitted);
    uncommitted.clear();
    return consumer
        .commit(offsets)
        .onFailure(err -> LOG.warn("offset commit on {} failed", cfg.topic(), err))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private Future<Void> finish() {
    if (finishing == null) {
      vertx.cancelTimer(summaryTimer);
      consumer.pause();
      ConsumerReport report = new ConsumerReport(records, meter.elapsed(System.nanoTime()));
      finishing =
          commit()
              .compose(v -> printSummary(report))
              .onComplete(ignored -> completion.tryComplete(report));
    }
    return finishing;
  }

  /** The summary follows the records in summary mode, and goes to the status stream otherwise. */
  private Future<Void> printSummary(ConsumerReport report) {
    if (cfg.summaryOnly()) {
      printer.print(report.summaryLine());
      return printer.flush();
    }
    return printer
        .flush()
        .compose(
            v ->
                vertx.executeBlocking(
                    () -> {
                      cfg.status().println(report.summaryLine());
                      return null;
                    }));
  }
}
