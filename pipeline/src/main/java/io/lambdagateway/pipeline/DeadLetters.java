package io.lambdagateway.pipeline;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dead-letter topic. A dead letter carries the ORIGINAL source key and value unchanged, plus
 * headers {@code error} (why), {@code source.topic}, {@code source.partition}, {@code
 * source.offset} and {@code source.timestamp} (ms), all UTF-8 text. A record lands here when the
 * function answers {@code ProcessingFailed}, when the target serializer refuses one of its output
 * items (update, delete), when the record alone is larger than one Lambda request (6 MB), when it
 * is a poison record isolated by bisection ({@code error} starts with {@code poison record}) and,
 * with {@code --on-exhausted dlq}, when its batch's retries ran out ({@code retries exhausted}).
 * Thread-safe if its sender is.
 */
public final class DeadLetters {

  public static final String ERROR = "error";
  public static final String SOURCE_TOPIC = "source.topic";
  public static final String SOURCE_PARTITION = "source.partition";
  public static final String SOURCE_OFFSET = "source.offset";
  public static final String SOURCE_TIMESTAMP = "source.timestamp";

  /** Sends one message; in the pipeline the Kafka producer. */
  @FunctionalInterface
  interface Sender {
    Future<?> send(KafkaProducerRecord<byte[], byte[]> message);
  }

  private final Sender sender;
  private final String topic;
  private final PipelineMetrics metrics;

  DeadLetters(Sender sender, String topic, PipelineMetrics metrics) {
    this.sender = sender;
    this.topic = topic;
    this.metrics = metrics;
  }

  /** Sends the dead letter of {@code source}; completes when it was acknowledged. */
  Future<Void> send(SourceRecord source, String error) {
    KafkaProducerRecord<byte[], byte[]> letter =
        KafkaProducerRecord.create(topic, source.key(), source.value());
    headers(source, error).forEach((name, value) -> letter.addHeader(name, Buffer.buffer(value)));
    return sender.send(letter).onSuccess(acked -> metrics.dlqMessage()).mapEmpty();
  }

  /** The headers of the dead letter of {@code source}, in a stable order. */
  public static Map<String, byte[]> headers(SourceRecord source, String error) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put(ERROR, utf8(error));
    headers.put(SOURCE_TOPIC, utf8(source.topic()));
    headers.put(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.put(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    headers.put(SOURCE_TIMESTAMP, utf8(Long.toString(source.timestampMs())));
    return headers;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
