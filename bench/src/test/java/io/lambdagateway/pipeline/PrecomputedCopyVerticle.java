package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The floor of the pipeline benchmark: the pipeline's Kafka legs alone (its Vert.x consumer and a
 * {@link BatchSender} per poll, its client settings), writing for each source message the target
 * messages the enricher gives it, computed before the run: the same number and size of messages as
 * the pipeline, with no function call. Source messages are found by {@link #key(int, long)}.
 */
final class PrecomputedCopyVerticle extends VerticleBase {

  private final PipelineConfig config;
  private final Map<String, List<TargetMessage>> answers;

  PrecomputedCopyVerticle(PipelineConfig config, Map<String, List<TargetMessage>> answers) {
    this.config = config;
    this.answers = answers;
  }

  static String key(int partition, long offset) {
    return partition + "@" + offset;
  }

  @Override
  public Future<?> start() {
    KafkaProducer<byte[], byte[]> producer =
        KafkaProducer.create(vertx, KafkaProperties.producer(config), byte[].class, byte[].class);
    KafkaConsumer<byte[], byte[]> consumer =
        KafkaConsumer.create(vertx, KafkaProperties.consumer(config), byte[].class, byte[].class);
    BatchSender sender = new BatchSender(context, producer.unwrap());
    consumer.batchHandler(
        records -> {
          List<ProducerRecord<byte[], byte[]>> rows = new ArrayList<>();
          for (int i = 0; i < records.size(); i++) {
            KafkaConsumerRecord<byte[], byte[]> record = records.recordAt(i);
            for (TargetMessage message : answers.get(key(record.partition(), record.offset()))) {
              rows.add(new ProducerRecord<>(config.targetTopic(), message.key(), message.value()));
            }
          }
          sender.send(rows, () -> {});
        });
    return consumer.subscribe(config.sourceTopic());
  }
}
