package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ResultRecord;
import io.vertx.core.Future;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the outcome of a batch to Kafka: the rows of {@code Ok}/{@code Split} results to the
 * target topic (through {@link TargetSerializer}) and a dead letter ({@link DeadLetters}) for each
 * {@code ProcessingFailed} result and for a record with refused items. Messages are sent in the
 * batch's order; the returned future completes when Kafka acknowledged every one of them.
 */
final class ResultWriter {

  private final KafkaProducer<byte[], byte[]> producer;
  private final TargetSerializer serializer = new TargetSerializer();
  private final String targetTopic;
  private final DeadLetters deadLetters;
  private final PipelineMetrics metrics;

  ResultWriter(
      KafkaProducer<byte[], byte[]> producer,
      String targetTopic,
      DeadLetters deadLetters,
      PipelineMetrics metrics) {
    this.producer = producer;
    this.targetTopic = targetTopic;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /** Writes the results of {@code batch}, one per record, in order. */
  Future<Void> write(Batch batch, List<ResultRecord> results) {
    List<Future<?>> sends = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SourceRecord source = batch.records().get(i).source();
      ResultRecord result = results.get(i);
      switch (result.result()) {
        case OK, SPLIT -> writeRows(source, TransferResponses.items(result), sends);
        case PROCESSING_FAILED ->
            sends.add(deadLetters.send(source, "ProcessingFailed: " + result.error()));
        case DROPPED -> {}
      }
    }
    return Future.all(sends).mapEmpty();
  }

  private void writeRows(SourceRecord source, List<ChangeItem> items, List<Future<?>> sends) {
    List<String> refusals = new ArrayList<>();
    for (ChangeItem item : items) {
      try {
        TargetMessage message = serializer.serialize(item);
        sends.add(
            producer
                .send(KafkaProducerRecord.create(targetTopic, message.key(), message.value()))
                .onSuccess(metadata -> metrics.targetMessage()));
      } catch (UnsupportedChangeException e) {
        refusals.add(e.getMessage());
      }
    }
    if (!refusals.isEmpty()) {
      sends.add(
          deadLetters.send(
              source,
              "target serializer refused "
                  + refusals.size()
                  + " of "
                  + items.size()
                  + " items: "
                  + refusals.get(0)));
    }
  }
}
