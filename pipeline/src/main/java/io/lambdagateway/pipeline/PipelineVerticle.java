package io.lambdagateway.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Transfer does for a Kafka → Lambda → Kafka transfer: consume the source topic in a consumer
 * group, pack the messages into batches, call the function, write the rows to the target topic and
 * failed records to the dead-letter topic, and commit source offsets. This class only wires the
 * parts: {@link RecordFlow} (a record's walk), {@link SourceFlowControl} (pause and resume), {@link
 * OffsetCommits} (the commit strategy), {@link StallRetry}, {@link OrderedWriter}, {@link
 * ResultWriter}, {@link DeadLetters}, {@link LambdaInvokers} and {@link PipelineTimers}.
 *
 * <p>Guarantees: at-least-once. An offset is committed only after every write it caused was
 * acknowledged by Kafka (idempotent producer, acks=all); auto-commit is off. Nothing is skipped:
 * when a call still fails after its retries, consumption pauses, the batch is retried with capped
 * back-off until it succeeds ({@link #stalled()} is true meanwhile), then consumption resumes.
 * Function calls run in parallel; writes are issued in batch order (without waiting for the
 * previous batch's acknowledgements), so each source partition's rows keep their order unless a
 * failed write has to be re-sent. Memory is bounded: consumption pauses at {@code
 * maxBufferedRecords} or {@code maxBufferedBytes} of unfinished records and resumes at half
 * (partitions are paused, the consumer keeps polling, so it stays in its group). On revocation,
 * buffered records of revoked partitions are dropped (the next owner reads them again) and their
 * done offsets are committed, best effort. On stop, records not yet sent are abandoned, calls and
 * writes in flight get {@code stopGrace} to finish, then what is done is committed. Duplicates are
 * possible after a crash, a stall of a write, or a rebalance.
 *
 * <p>With {@link PipelineConfig#exactlyOnce()} the guarantee is exactly-once for {@code
 * read_committed} readers: each batch's writes and offsets are one transaction ({@link
 * TransactionalDelivery}), the consumer commits nothing itself. An instance fenced by a newer one
 * with its name (its consumer or its producer) fails {@link #fatal()}: it must stop, and the
 * launcher exits.
 */
public final class PipelineVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineVerticle.class);

  private final PipelineConfig config;
  private final MeterRegistry registry;
  private final Promise<Void> fatal = Promise.promise();
  private PipelineMetrics metrics;
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaProducer<byte[], byte[]> producer;
  private ConsumerControl control;
  private SourceFlowControl flow;
  private OffsetCommits commits;
  private LambdaInvoker invoker;
  private RecordFlow records;
  private PipelineTimers timers;
  private KafkaWatch kafkaWatch;
  private SourcePoller poller;

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
   * appended), every other setting at its default: the shortest way to a pipeline in a test.
   */
  public static PipelineConfigBuilder configFor(String bootstrapServers, String functionUrl) {
    return PipelineConfig.builder(bootstrapServers).functionUrl(functionUrl);
  }

  /** True while a batch keeps failing after its retries (consumption is paused). */
  public boolean stalled() {
    return flow != null && flow.stalled();
  }

  /** The last measured lag of each assigned source partition, by topic and partition. */
  public List<PipelineMetrics.PartitionLag> partitionLag() {
    return metrics == null ? List.of() : metrics.partitionLag();
  }

  /**
   * Empty while the Kafka cluster answers; else why not ({@code cannot reach Kafka at ... (...)}),
   * while the clients keep retrying. Checked every {@code lagRefreshInterval} ({@link KafkaWatch}).
   */
  public Optional<String> kafkaAway() {
    return kafkaWatch == null ? Optional.empty() : kafkaWatch.away();
  }

  /** Number of source partitions currently assigned to this instance. */
  public int assignedPartitionCount() {
    return control == null ? 0 : control.assignedCount();
  }

  /**
   * Fails when this instance can no longer work and must stop: fenced by a newer instance with its
   * name, or its transactional producer broke; never completes otherwise.
   */
  public Future<Void> fatal() {
    return fatal.future();
  }

  @Override
  public Future<?> start() {
    metrics = new PipelineMetrics(registry);
    producer =
        KafkaProducer.create(vertx, KafkaProperties.producer(config), byte[].class, byte[].class);
    GroupMetadataConsumer source = new GroupMetadataConsumer(KafkaProperties.consumer(config));
    consumer = KafkaConsumer.create(vertx, source);
    control = new ConsumerControl(consumer);
    flow =
        new SourceFlowControl(
            config.maxBufferedRecords(), config.maxBufferedBytes(), control, metrics);
    commits = new OffsetCommits(config.exactlyOnce() ? OffsetCommits.IN_TRANSACTIONS : control);
    Delivery delivery =
        config.exactlyOnce()
            ? new TransactionalDelivery(
                vertx, producer, source::latestGroupMetadata, control::owns, this::failFatally)
            : Delivery.AT_LEAST_ONCE;
    return LambdaInvokers.create(vertx, context, config)
        .compose(
            created -> {
              invoker = new BoundedInvoker(created, config.maxConnections());
              BatchCaller caller =
                  new BatchCaller(vertx, invoker, config.retries(), config.retryBackoff(), metrics);
              DeadLetters deadLetters = new DeadLetters(producer::send, config.dlqTopic(), metrics);
              ResultWriter writer =
                  new ResultWriter(
                      new BatchSender(context, producer.unwrap()),
                      config.targetTopic(),
                      deadLetters,
                      metrics);
              records =
                  new RecordFlow(
                      vertx, config, caller, writer, deadLetters, delivery, commits, flow, metrics);
              return caller.probe();
            })
        .compose(v -> config.exactlyOnce() ? producer.initTransactions() : Future.succeededFuture())
        .compose(v -> subscribe())
        .onSuccess(v -> startTimers());
  }

  @Override
  public Future<?> stop() {
    if (timers != null) {
      timers.cancel();
      kafkaWatch.close();
    }
    return commits
        .terminate(config.commitOnStop(), records.stop(config.stopGrace().toMillis()))
        .transform(ar -> closeConsumer())
        .transform(ar -> producer.close())
        .transform(ar -> invoker.close());
  }

  private Future<Void> subscribe() {
    consumer.exceptionHandler(this::onConsumerFailure);
    consumer.partitionsAssignedHandler(
        partitions -> commits.assigned(control.assigned(partitions)));
    consumer.partitionsRevokedHandler(this::onRevoked);
    // Records are taken a whole poll at a time, by a loop of our own (SourcePoller), not by the
    // consumer stream's handlers.
    poller =
        new SourcePoller(
            vertx, consumer, records::onPoll, this::onConsumerFailure, control::paused);
    return consumer.subscribe(config.sourceTopic()).onSuccess(v -> poller.start());
  }

  private void onConsumerFailure(Throwable err) {
    if (fencedInstance(err)) {
      // reported on the consumer's polling thread, or on the context by a failed poll
      context.runOnContext(v -> failFatally(err));
    } else if (err instanceof WakeupException) {
      // a stop interrupting a call of the consumer's (e.g. an end-offsets request)
      LOG.debug("source consumer call interrupted by the stop");
    } else {
      LOG.error("source consumer failed", err);
    }
  }

  private Future<Void> closeConsumer() {
    if (poller != null) {
      poller.stop();
    }
    return consumer.close();
  }

  private static boolean fencedInstance(Throwable err) {
    for (Throwable cause = err; cause != null; cause = cause.getCause()) {
      if (cause instanceof FencedInstanceIdException) {
        return true;
      }
    }
    return false;
  }

  private void failFatally(Throwable err) {
    if (fatal.tryFail(err)) {
      LOG.error("this instance must stop: {}", err.toString());
      // A fenced consumer that kept polling would join again under the same name and fence the
      // newer instance in turn; the work in flight is abandoned (the newer one redoes it).
      records.stop(0);
      closeConsumer();
    }
  }

  private void onRevoked(Set<TopicPartition> partitions) {
    Set<SourcePartition> revoked = control.revoked(partitions);
    records.revoked(revoked);
    commits.revoked(revoked);
  }

  private void startTimers() {
    timers =
        PipelineTimers.start(vertx, config, commits, new ConsumerLag(consumer, metrics), control);
    kafkaWatch = KafkaWatch.start(vertx, config, config.lagRefreshInterval());
    LOG.info(
        "pipeline {} -> {} -> {} started (group {}, instance {}, {}, dead letters to {})",
        config.sourceTopic(),
        config.functionName(),
        config.targetTopic(),
        config.groupId(),
        config.instanceName().orElse("unnamed"),
        config.exactlyOnce() ? "exactly-once" : "at-least-once",
        config.dlqTopic());
  }
}
