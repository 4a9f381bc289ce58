package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ResultRecord;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the outcome of a batch to Kafka: the rows of {@code Ok}/{@code Split} results to the
 * target topic (through {@link TargetSerializer}) and a dead letter ({@link DeadLetters}) for each
 * {@code ProcessingFailed} result and for a record with refused items. The rows are sent in the
 * batch's order, all in one {@link BatchSender} task; the returned future completes when Kafka
 * acknowledged every message.
 */
final class ResultWriter {

  private final BatchSender sender;
  private final TargetSerializer serializer = new TargetSerializer();
  private final String targetTopic;
  private final DeadLetters deadLetters;
  private final PipelineMetrics metrics;

  ResultWriter(
      BatchSender sender, String targetTopic, DeadLetters deadLetters, PipelineMetrics metrics) {
    this.sender = sender;
    this.targetTopic = targetTopic;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /** Writes the results of {@code batch}, one per record, in order. */
  Future<Void> write(Batch batch, List<ResultRecord> results) {
    List<ProducerRecord<byte[], byte[]>> rows = new ArrayList<>();
    List<Future<?>> sends = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SourceRecord source = batch.records().get(i).source();
      ResultRecord result = results.get(i);
      switch (result.result()) {
        case OK, SPLIT -> writeRows(source, TransferResponses.items(result), rows, sends);
        case PROCESSING_FAILED ->
            sends.add(deadLetters.send(source, "ProcessingFailed: " + result.error()));
        case DROPPED -> {}
      }
    }
    sends.add(sender.send(rows, metrics::targetMessage));
    return Future.all(sends).mapEmpty();
  }

  private void writeRows(
      SourceRecord source,
      List<ChangeItem> items,
      List<ProducerRecord<byte[], byte[]>> rows,
      List<Future<?>> sends) {
    List<String> refusals = new ArrayList<>();
    for (ChangeItem item : items) {
      try {
        TargetMessage message = serializer.serialize(item);
        rows.add(new ProducerRecord<>(targetTopic, message.key(), message.value()));
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
