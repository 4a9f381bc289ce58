package io.lambdagateway.app.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.platform.EventDestination;
import io.lambdagateway.kafka.KafkaClientSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An on-failure destination that writes each invocation record to a Kafka topic: key = the request
 * id, value = the record's JSON, acks=all. {@link #deliver} completes once the broker has the
 * record, so an event leaves the gateway's journal only after that; the send waits on a worker
 * thread, never an event loop.
 */
final class KafkaEventDestination implements EventDestination {

  /** A record carries an event of up to 1 MB plus the function's error; the default is 1 MB. */
  static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final String topic;
  private final KafkaProducer<String, byte[]> producer;

  KafkaEventDestination(Vertx vertx, String bootstrapServers, String topic) {
    this.vertx = vertx;
    this.topic = topic;
    Map<String, Object> props =
        new HashMap<>(
            KafkaClientSettings.plaintext(bootstrapServers).idempotentProducerProperties());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("max.request.size", Integer.toString(MAX_REQUEST_BYTES));
    props.put("request.timeout.ms", "15000");
    props.put("delivery.timeout.ms", Long.toString(SEND_TIMEOUT.toMillis()));
    props.put("max.block.ms", Long.toString(SEND_TIMEOUT.toMillis()));
    this.producer = new KafkaProducer<>(props);
  }

  @Override
  public Future<Void> deliver(ObjectNode invocationRecord) {
    String requestId = invocationRecord.at("/requestContext/requestId").asText();
    return vertx.executeBlocking(
        () -> {
          byte[] value = JSON.writeValueAsBytes(invocationRecord);
          producer
              .send(new ProducerRecord<>(topic, requestId, value))
              .get(SEND_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
          return null;
        },
        false);
  }

  @Override
  public Future<Void> close() {
    return vertx.executeBlocking(
        () -> {
          producer.close(Duration.ofSeconds(5));
          return null;
        },
        false);
  }
}
