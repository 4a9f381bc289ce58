package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once delivery: a batch's target rows and dead letters and its source offsets are
 * committed in ONE Kafka transaction, so a {@code read_committed} reader sees them all or none, and
 * a restart resumes exactly after the last committed batch. Deliveries run one at a time (a
 * producer has one open transaction); the writer's order makes every earlier record of a partition
 * committed before a batch, so the batch commits each partition's position as its highest offset +
 * 1.
 *
 * <p>Fencing: the producer's transactional id is stable per instance, so a restarted instance
 * aborts the dead one's open transaction and fences it ({@code initTransactions}); the offsets go
 * with the consumer's group metadata, so a member that lost its partitions cannot commit for them.
 * A batch whose partitions were revoked meanwhile is aborted and dropped (the next owner reads it
 * again). A failed transaction is aborted and reported as failed (the writer retries the whole
 * batch in a new transaction); when even the abort fails the producer is unusable (fenced, fatal
 * error) and {@code fatal} is told. Not thread-safe: use from the pipeline's context.
 */
final class TransactionalDelivery implements Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalDelivery.class);

  private final Vertx vertx;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Supplier<ConsumerGroupMetadata> groupMetadata;
  private final Predicate<SourcePartition> owned;
  private final Handler<Throwable> fatal;

  /**
   * @param groupMetadata the source consumer's group metadata as of its latest poll
   * @param owned true for a partition assigned to this instance now
   */
  TransactionalDelivery(
      Vertx vertx,
      KafkaProducer<byte[], byte[]> producer,
      Supplier<ConsumerGroupMetadata> groupMetadata,
      Predicate<SourcePartition> owned,
      Handler<Throwable> fatal) {
    this.vertx = vertx;
    this.producer = producer;
    this.groupMetadata = groupMetadata;
    this.owned = owned;
    this.fatal = fatal;
  }

  @Override
  public boolean oneAtATime() {
    return true;
  }

  @Override
  public Future<Void> deliver(List<PendingRecord> records, Supplier<Future<Void>> writes) {
    Map<SourcePartition, Long> positions = positions(records);
    return producer
        .beginTransaction()
        .compose(v -> writes.get())
        .compose(
            v ->
                positions.keySet().stream().allMatch(owned)
                    ? commit(positions)
                    : dropRevoked(positions))
        .recover(this::abort);
  }

  private Future<Void> commit(Map<SourcePartition, Long> positions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    positions.forEach(
        (p, position) ->
            offsets.put(
                new TopicPartition(p.topic(), p.partition()), new OffsetAndMetadata(position)));
    ConsumerGroupMetadata metadata = groupMetadata.get();
    // The Vert.x producer has no sendOffsetsToTransaction: the Kafka producer (thread-safe) does
    // it on a worker thread, as it blocks until the group coordinator answered.
    return vertx
        .<Void>executeBlocking(
            () -> {
              producer.unwrap().sendOffsetsToTransaction(offsets, metadata);
              return null;
            })
        .compose(v -> producer.commitTransaction());
  }

  private Future<Void> dropRevoked(Map<SourcePartition, Long> positions) {
    LOG.info("partitions of a batch were revoked; its transaction is aborted: {}", positions);
    return producer.abortTransaction();
  }

  private Future<Void> abort(Throwable cause) {
    LOG.warn("transaction failed, aborting it: {}", cause.toString());
    return producer
        .abortTransaction()
        .transform(
            aborted -> {
              if (aborted.failed()) {
                fatal.handle(aborted.cause());
              }
              return Future.failedFuture(cause);
            });
  }

  /** Each partition's next offset to read after {@code records}. */
  private static Map<SourcePartition, Long> positions(List<PendingRecord> records) {
    Map<SourcePartition, Long> positions = new HashMap<>();
    for (PendingRecord record : records) {
      positions.merge(record.source().sourcePartition(), record.source().offset() + 1, Math::max);
    }
    return positions;
  }
}
