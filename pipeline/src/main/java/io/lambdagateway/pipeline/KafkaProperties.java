package io.lambdagateway.pipeline;

import java.util.Map;

/**
 * The Kafka client properties of the pipeline's consumer and producer: the project's shared client
 * settings ({@link io.lambdagateway.kafka.KafkaClientSettings}) plus what only the pipeline needs.
 */
final class KafkaProperties {

  private KafkaProperties() {}

  /** Group consumer, manual commits, cooperative rebalancing. */
  static Map<String, String> consumer(PipelineConfig config) {
    Map<String, String> props =
        config.kafka().manualCommitConsumerProperties(config.groupId(), config.autoOffsetReset());
    props.put("max.poll.records", Integer.toString(config.maxPollRecords()));
    // Incremental rebalancing: when an instance joins or leaves, the others keep the partitions
    // they had, so their work in flight is not thrown away and redelivered.
    props.put(
        "partition.assignment.strategy",
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    return props;
  }

  /** Idempotent producer, acks=all, a short linger so a batch's messages travel together. */
  static Map<String, String> producer(PipelineConfig config) {
    return config.kafka().idempotentProducerProperties();
  }
}
