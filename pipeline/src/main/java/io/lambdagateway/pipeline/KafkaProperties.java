package io.lambdagateway.pipeline;

import java.util.Map;

/** The Kafka client properties of the pipeline's consumer and producer. */
final class KafkaProperties {

  private KafkaProperties() {
  }

  /** Group consumer, manual commits, cooperative rebalancing. */
  static Map<String, String> consumer(PipelineConfig config) {
    Map<String, String> props = config.kafka().toProperties();
    props.put("group.id", config.groupId());
    props.put("enable.auto.commit", "false");
    props.put("auto.offset.reset", config.autoOffsetReset());
    props.put("max.poll.records", Integer.toString(config.maxPollRecords()));
    // Incremental rebalancing: when an instance joins or leaves, the others keep the partitions
    // they had, so their work in flight is not thrown away and redelivered.
    props.put("partition.assignment.strategy",
      "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    return props;
  }

  /** Idempotent producer, acks=all, a short linger so a batch's messages travel together. */
  static Map<String, String> producer(PipelineConfig config) {
    Map<String, String> props = config.kafka().toProperties();
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    props.put("linger.ms", "5");
    return props;
  }
}
