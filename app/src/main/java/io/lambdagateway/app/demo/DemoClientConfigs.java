package io.lambdagateway.app.demo;

import io.lambdagateway.consumer.StartFrom;
import io.lambdagateway.consumer.TargetConsumerConfig;
import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.pipeline.PipelineConfig;
import io.lambdagateway.pipeline.PipelineTarget;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.ProducerConfig;
import java.time.Duration;

/**
 * The configs of the demo's three clients, derived from a {@link DemoConfig} and the cluster and
 * gateway the demo started: the printing consumer (from the latest offset, bounded by the rows of a
 * {@code count}-bounded run), the pipeline (calling the gateway's function URL as Transfer would)
 * and the producer. Pure functions, apart from {@link DemoClients} which deploys them.
 */
final class DemoClientConfigs {

  /** Partitions of the source topic, so that the pipeline has parallel work. */
  static final int SOURCE_PARTITIONS = 3;

  private static final Duration PRODUCER_PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private DemoClientConfigs() {}

  static TargetConsumerConfig consumer(DemoConfig config, String bootstrapServers) {
    return TargetConsumerConfig.builder(
            KafkaClientSettings.plaintext(bootstrapServers),
            config.targetTopic(),
            config.consumerGroup())
        .from(StartFrom.LATEST)
        .maxRecords(expectedRows(config))
        .out(config.out())
        .status(config.status())
        .build();
  }

  /**
   * @param functionUrlBase the gateway's base URL, e.g. {@code http://127.0.0.1:8080}
   * @param functionName the function the gateway hosts
   */
  static PipelineConfig pipeline(
      DemoConfig config, String bootstrapServers, String functionUrlBase, String functionName) {
    return PipelineConfig.builder(bootstrapServers)
        .sourceTopic(config.sourceTopic())
        .targetTopic(config.targetTopic())
        .dlqTopic(config.dlqTopic())
        .groupId(config.pipelineGroup())
        .target(PipelineTarget.FUNCTION_URL)
        .functionUrl(functionUrlBase)
        .functionName(functionName)
        .token(config.token())
        .build();
  }

  static ProducerConfig producer(DemoConfig config, String bootstrapServers) {
    return ProducerConfig.builder(
            KafkaClientSettings.plaintext(bootstrapServers), config.sourceTopic())
        .partitions(SOURCE_PARTITIONS)
        .messageCount(config.count())
        .rate(config.rate())
        .rows(config.rows())
        .seed(config.seed())
        .progressInterval(PRODUCER_PROGRESS_INTERVAL)
        .out(config.status())
        .build();
  }

  /**
   * Rows the consumer must print before a {@code count}-bounded run is over: the producer's
   * messages are seeded, so generating them again gives their row counts. 0 = unbounded.
   */
  static long expectedRows(DemoConfig config) {
    DemoMessages messages = new DemoMessages(config.seed(), config.rows());
    long rows = 0;
    for (long i = 0; i < config.count(); i++) {
      rows += messages.next().split("\n", -1).length;
    }
    return rows;
  }
}
