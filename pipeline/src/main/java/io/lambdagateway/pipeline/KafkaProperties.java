package io.lambdagateway.pipeline;

import java.util.Map;

/**
 * The Kafka client properties of the pipeline's consumer and producer: the project's shared client
 * settings ({@link io.lambdagateway.kafka.KafkaClientSettings}) plus what only the pipeline needs.
 */
final class KafkaProperties {

  /** Heartbeats per session timeout: a third, so one lost heartbeat does not end the session. */
  private static final long HEARTBEATS_PER_SESSION = 3;

  /**
   * Largest batch of rows the producer sends to one target partition in one go. A produce request
   * carries at most one batch per partition, and at most five requests are in flight, so with
   * Kafka's 16 KB a single target partition took a request per 16 KB of rows, and the pipeline's
   * writes waited 0.5 to 1 s for their acknowledgements while the machine sat a quarter idle. With
   * 256 KB the broker spent a third less CPU on the same rows and the backlog's median drain was 10
   * to 16 % shorter (bench/pipeline-versus, 2026-12-02, within a wide spread). The producer's total
   * memory stays Kafka's {@code buffer.memory}.
   */
  private static final int TARGET_BATCH_BYTES = 256 * 1024;

  private KafkaProperties() {}

  /**
   * Group consumer, manual commits, cooperative rebalancing, the session timeout, static membership
   * when the instance has a name, and only committed records in exactly-once mode.
   */
  static Map<String, String> consumer(PipelineConfig config) {
    Map<String, String> props =
        config.kafka().manualCommitConsumerProperties(config.groupId(), config.autoOffsetReset());
    props.put("max.poll.records", Integer.toString(config.maxPollRecords()));
    // Incremental rebalancing: when an instance joins or leaves, the others keep the partitions
    // they had, so their work in flight is not thrown away and redelivered.
    props.put(
        "partition.assignment.strategy",
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    long sessionMs = config.sessionTimeout().toMillis();
    props.put("session.timeout.ms", Long.toString(sessionMs));
    props.put("heartbeat.interval.ms", Long.toString(sessionMs / HEARTBEATS_PER_SESSION));
    // Static membership: a restarted instance with the same name takes its partitions back at
    // once, without a rebalance and without waiting for the dead member's session to expire.
    config.instanceName().ifPresent(name -> props.put("group.instance.id", name));
    if (config.exactlyOnce()) {
      // A transactional source (e.g. another exactly-once pipeline's target) must not be read
      // before its writer committed.
      props.put("isolation.level", "read_committed");
    }
    return props;
  }

  /**
   * Idempotent producer, acks=all, a short linger so a batch's messages travel together (none with
   * flush interval 0), batches of up to {@link #TARGET_BATCH_BYTES}; in exactly-once mode
   * transactional with {@link PipelineConfig#transactionalId()}.
   */
  static Map<String, String> producer(PipelineConfig config) {
    Map<String, String> props = config.kafka().idempotentProducerProperties();
    props.put("batch.size", Integer.toString(TARGET_BATCH_BYTES));
    if (config.flushInterval().isZero()) {
      // Flush interval 0 asks for the lowest latency: each poll is called and written at once.
      // A batch's rows still travel together, as they are handed to the producer in one go.
      props.put("linger.ms", "0");
    }
    if (config.exactlyOnce()) {
      props.put("transactional.id", config.transactionalId());
    }
    return props;
  }
}
