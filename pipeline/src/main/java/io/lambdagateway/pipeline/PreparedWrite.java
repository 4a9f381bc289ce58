package io.lambdagateway.pipeline;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a batch writes, ready to send: its target rows, serialized, and its dead letters, each in
 * record order. Made as soon as the batch is resolved, so that the parsed results can be dropped
 * while the batch waits for its turn to write.
 */
record PreparedWrite(List<ProducerRecord<byte[], byte[]>> rows, List<DeadLetter> deadLetters) {

  /** The dead letter of {@code source}, with {@code reason} in its {@code error} header. */
  record DeadLetter(SourceRecord source, String reason) {}
}
