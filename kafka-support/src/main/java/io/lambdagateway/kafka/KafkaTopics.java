package io.lambdagateway.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Non-blocking topic administration. It uses kafka-clients' own asynchronous {@link Admin} because
 * Vert.x's admin wrapper cannot express "the broker's default replication factor".
 */
public final class KafkaTopics {

  private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LEADERS_RETRY = Duration.ofMillis(50);

  private KafkaTopics() {}

  /**
   * Creates {@code topic} unless it exists; an existing topic is left as it is, whatever its
   * partition count. A concurrent creation by someone else counts as existing.
   *
   * @param replicationFactor -1 for the broker's default
   * @return whether this call created the topic
   */
  public static Future<Boolean> createIfMissing(
      Vertx vertx,
      KafkaClientSettings kafka,
      String topic,
      int partitions,
      short replicationFactor) {
    Admin admin = Admin.create(Map.<String, Object>copyOf(kafka.toProperties()));
    Optional<Short> replicas =
        replicationFactor == -1 ? Optional.empty() : Optional.of(replicationFactor);
    NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), replicas);
    return toVertx(vertx, admin.listTopics().names())
        .compose(
            existing ->
                existing.contains(topic)
                    ? Future.succeededFuture(false)
                    : create(vertx, admin, newTopic))
        // Closing joins the admin's network thread: keep it off the event loop.
        .eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      admin.close(ADMIN_CLOSE_TIMEOUT);
                      return null;
                    }));
  }

  private static Future<Boolean> create(Vertx vertx, Admin admin, NewTopic topic) {
    return toVertx(vertx, admin.createTopics(List.of(topic)).all())
        .compose(
            created ->
                leadersActing(vertx, admin, topic, System.nanoTime() + LEADERS_TIMEOUT.toNanos()))
        .map(true)
        .recover(
            err ->
                err instanceof TopicExistsException
                    ? Future.succeededFuture(false)
                    : Future.failedFuture(err));
  }

  /**
   * Completes once every partition of the new topic answers a read of its end offset, which only
   * its leader does. A broker announces a new partition's leader a moment before that leader acts
   * as one: an idempotent producer whose first write to it was refused (NOT_LEADER_OR_FOLLOWER)
   * while its next ones were accepted then retried the first with OUT_OF_ORDER_SEQUENCE_NUMBER
   * until it expired (seen in ProducerVerticleTest and in the benchmarks). The admin client retries
   * a read that a partition's leader refuses; a topic the metadata does not know yet is asked again
   * here.
   */
  private static Future<Void> leadersActing(
      Vertx vertx, Admin admin, NewTopic topic, long deadlineNanos) {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    int partitions = topic.numPartitions() > 0 ? topic.numPartitions() : 1;
    for (int partition = 0; partition < partitions; partition++) {
      ends.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
    }
    return toVertx(vertx, admin.listOffsets(ends).all())
        .<Void>mapEmpty()
        .recover(
            err ->
                unknownTopic(err) && System.nanoTime() < deadlineNanos
                    ? vertx
                        .timer(LEADERS_RETRY.toMillis())
                        .compose(v -> leadersActing(vertx, admin, topic, deadlineNanos))
                    : Future.failedFuture(err));
  }

  private static boolean unknownTopic(Throwable err) {
    return err instanceof UnknownTopicOrPartitionException
        || err.getCause() instanceof UnknownTopicOrPartitionException;
  }

  /** Completes on the caller's Vert.x context, not on the admin client's thread. */
  private static <T> Future<T> toVertx(Vertx vertx, KafkaFuture<T> future) {
    return Future.fromCompletionStage(future.toCompletionStage(), vertx.getOrCreateContext());
  }
}
