package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;

/**
 * The benchmark's floor: the pipeline's Kafka legs alone (same client settings, same Vert.x
 * client), copying every source message to another topic with no function call.
 */
final class KafkaCopyVerticle extends VerticleBase {

  private final PipelineConfig config;

  KafkaCopyVerticle(PipelineConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    KafkaProducer<byte[], byte[]> producer =
        KafkaProducer.create(vertx, KafkaProperties.producer(config), byte[].class, byte[].class);
    KafkaConsumer<byte[], byte[]> consumer =
        KafkaConsumer.create(vertx, KafkaProperties.consumer(config), byte[].class, byte[].class);
    consumer.batchHandler(
        records -> {
          for (int i = 0; i < records.size(); i++) {
            KafkaConsumerRecord<byte[], byte[]> record = records.recordAt(i);
            producer.send(
                KafkaProducerRecord.create(config.targetTopic(), record.key(), record.value()));
          }
        });
    consumer.handler(record -> {});
    return consumer.subscribe(config.sourceTopic());
  }
}
