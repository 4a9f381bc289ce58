package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer lag of this instance's source partitions: per assigned partition, its log-end offset
 * minus the consumer's position (the next offset it will fetch), kept per partition for the status
 * JSON and summed into {@code pipeline_consumer_lag}. Records already fetched but not finished are
 * not lag: they are counted by {@code pipeline_buffered_records}. So while consumption is paused
 * the lag grows with every record produced, and it is 0 once the pipeline has read everything.
 *
 * <p>One refresh costs one end-offsets request (a ListOffsets round trip for all partitions) and
 * local position look-ups; the Vert.x Kafka consumer runs both on its own worker thread, the event
 * loop only combines the futures. A refresh is skipped while the previous one runs; a failed one
 * (e.g. a partition revoked meanwhile) keeps the last value.
 */
final class ConsumerLag {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);

  private final KafkaConsumer<?, ?> consumer;
  private final PipelineMetrics metrics;
  private boolean refreshing;

  ConsumerLag(KafkaConsumer<?, ?> consumer, PipelineMetrics metrics) {
    this.consumer = consumer;
    this.metrics = metrics;
  }

  /** Measures the lag of {@code partitions} (the assigned ones) and publishes it. */
  void refresh(Set<TopicPartition> partitions) {
    if (refreshing) {
      return;
    }
    refreshing = true;
    measure(Set.copyOf(partitions))
        .onSuccess(metrics::consumerLag)
        .onFailure(err -> LOG.debug("consumer lag not refreshed: {}", err.toString()))
        .onComplete(ar -> refreshing = false);
  }

  private Future<List<PipelineMetrics.PartitionLag>> measure(Set<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Map<TopicPartition, Future<Long>> positions = new HashMap<>();
    partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
    Future<Map<TopicPartition, Long>> ends = consumer.endOffsets(partitions);
    return Future.all(ends, Future.all(List.copyOf(positions.values())))
        .map(
            done -> {
              List<PipelineMetrics.PartitionLag> lags = new ArrayList<>();
              for (Map.Entry<TopicPartition, Future<Long>> position : positions.entrySet()) {
                TopicPartition partition = position.getKey();
                Long end = ends.result().get(partition);
                if (end != null) {
                  lags.add(
                      new PipelineMetrics.PartitionLag(
                          partition.getTopic(),
                          partition.getPartition(),
                          Math.max(0, end - position.getValue().result())));
                }
              }
              lags.sort(
                  Comparator.comparing(PipelineMetrics.PartitionLag::topic)
                      .thenComparingInt(PipelineMetrics.PartitionLag::partition));
              return lags;
            });
  }
}
