package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pipeline asks of the source consumer, in its own types: the assigned partitions, pausing
 * and resuming them (a paused consumer keeps polling, so it stays in its group; a partition
 * assigned while paused is paused at once) and committing positions. Not thread-safe except {@link
 * #assignedCount()}: use from the consumer's context.
 */
final class ConsumerControl implements SourceFlowControl.Valve, OffsetCommits.Committer {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerControl.class);

  private final KafkaConsumer<?, ?> consumer;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private boolean paused;
  private volatile int assignedCount;

  ConsumerControl(KafkaConsumer<?, ?> consumer) {
    this.consumer = consumer;
  }

  /** Records an assignment; returns it as source partitions. */
  Set<SourcePartition> assigned(Set<TopicPartition> partitions) {
    assigned.addAll(partitions);
    assignedCount = assigned.size();
    LOG.info("assigned {}", partitions);
    if (paused) {
      pause(partitions);
    }
    return toSource(partitions);
  }

  /** Records a revocation; returns it as source partitions. */
  Set<SourcePartition> revoked(Set<TopicPartition> partitions) {
    assigned.removeAll(partitions);
    assignedCount = assigned.size();
    return toSource(partitions);
  }

  /** The partitions assigned now. */
  Set<TopicPartition> assignedPartitions() {
    return assigned;
  }

  /** True when {@code partition} is assigned now. */
  boolean owns(SourcePartition partition) {
    return assigned.contains(new TopicPartition(partition.topic(), partition.partition()));
  }

  /** Number of partitions assigned now; readable from any thread. */
  int assignedCount() {
    return assignedCount;
  }

  /** Whether the source is paused now. */
  boolean paused() {
    return paused;
  }

  @Override
  public void pause() {
    paused = true;
    pause(assigned);
  }

  @Override
  public void resume() {
    paused = false;
    consumer
        .resume(new HashSet<>(assigned))
        .onFailure(err -> LOG.warn("resuming the source partitions failed", err));
  }

  @Override
  public Future<Void> commit(Map<SourcePartition, Long> positions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    positions.forEach(
        (p, position) ->
            offsets.put(
                new TopicPartition(p.topic(), p.partition()), new OffsetAndMetadata(position, "")));
    return consumer.commit(offsets).mapEmpty();
  }

  private void pause(Set<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      consumer
          .pause(new HashSet<>(partitions))
          .onFailure(err -> LOG.warn("pausing the source partitions failed", err));
    }
  }

  private static Set<SourcePartition> toSource(Set<TopicPartition> partitions) {
    return partitions.stream()
        .map(p -> new SourcePartition(p.getTopic(), p.getPartition()))
        .collect(Collectors.toSet());
  }
}
