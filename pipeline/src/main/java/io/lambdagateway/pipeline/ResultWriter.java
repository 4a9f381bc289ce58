package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ResultRecord;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the outcome of a batch to Kafka in two steps. {@link #prepare} (any thread) turns the
 * batch's parts into a {@link PreparedWrite}: the rows of {@code Ok}/{@code Split} results
 * serialized for the target topic ({@link TargetSerializer}) and a dead letter for each {@code
 * ProcessingFailed} result, each record with refused items and each dead-lettered part. {@link
 * #write} (the pipeline's context) sends it: the rows in the batch's order, all in one {@link
 * BatchSender} task, and the dead letters through {@link DeadLetters}; the returned future
 * completes when Kafka acknowledged every message.
 */
final class ResultWriter {

  private final BatchSender sender;
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

  /** The messages of a batch's parts, in order; counts the function's results. Thread-safe. */
  PreparedWrite prepare(List<BatchPart> parts) {
    List<ProducerRecord<byte[], byte[]>> rows = new ArrayList<>();
    List<PreparedWrite.DeadLetter> letters = new ArrayList<>();
    try (TargetSerializer serializer = new TargetSerializer()) {
      for (BatchPart part : parts) {
        if (part instanceof BatchPart.Written written) {
          prepareResults(written, serializer, rows, letters);
        } else if (part instanceof BatchPart.DeadLettered dead) {
          dead.records()
              .forEach(r -> letters.add(new PreparedWrite.DeadLetter(r.source(), dead.reason())));
        }
      }
    }
    return new PreparedWrite(rows, letters);
  }

  /** Sends a prepared write; completes when Kafka acknowledged all of it. */
  Future<Void> write(PreparedWrite prepared) {
    List<Future<?>> sends = new ArrayList<>();
    for (PreparedWrite.DeadLetter letter : prepared.deadLetters()) {
      sends.add(deadLetters.send(letter.source(), letter.reason()));
    }
    sends.add(sender.send(prepared.rows(), metrics::targetMessage));
    return Future.all(sends).mapEmpty();
  }

  private void prepareResults(
      BatchPart.Written written,
      TargetSerializer serializer,
      List<ProducerRecord<byte[], byte[]>> rows,
      List<PreparedWrite.DeadLetter> letters) {
    List<ResultRecord> results = written.results();
    for (int i = 0; i < results.size(); i++) {
      SourceRecord source = written.batch().records().get(i).source();
      ResultRecord result = results.get(i);
      if (written.fromFunction()) {
        metrics.result(result.result());
      }
      switch (result.result()) {
        case OK, SPLIT ->
            prepareRows(source, TransferResponses.items(result), serializer, rows, letters);
        case PROCESSING_FAILED ->
            letters.add(
                new PreparedWrite.DeadLetter(source, "ProcessingFailed: " + result.error()));
        case DROPPED -> {}
      }
    }
  }

  private void prepareRows(
      SourceRecord source,
      List<ChangeItem> items,
      TargetSerializer serializer,
      List<ProducerRecord<byte[], byte[]>> rows,
      List<PreparedWrite.DeadLetter> letters) {
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
      letters.add(
          new PreparedWrite.DeadLetter(
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
