package io.lambdagateway.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.KafkaTestClients;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka on-failure destination of Event invocations, with a real gateway and the real shared
 * broker: an event that exhausts its retries arrives on the topic as Lambda's invocation record.
 */
@DisplayName("The Kafka on-failure destination")
class KafkaEventDestinationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path state;

  private Gateway start(String onFailure) {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of(
                "GATEWAY_HOST", "127.0.0.1",
                "GATEWAY_PORT", "0",
                "GATEWAY_INSTANCES", "1",
                "ENRICHER_PUBLIC_IP", "203.0.113.7",
                "GATEWAY_STATE_DIR", state.toString(),
                "GATEWAY_EVENT_MAX_RETRIES", "0",
                "GATEWAY_EVENT_ON_FAILURE", onFailure));
    HostedFunction failing =
        new HostedFunction(
            "failing",
            (event, invocation) ->
                Future.failedFuture(new FunctionError("Job.Failed", "cannot do " + event)),
            Duration.ofSeconds(10),
            128,
            OptionalInt.empty());
    return Gateway.start(config, List.of(failing), new VertxOptions()).await();
  }

  @Test
  @DisplayName("an event that exhausts its retries is written to the topic, keyed by request id")
  void writesTheInvocationRecord() throws IOException, InterruptedException {
    EmbeddedKafkaBroker broker = SharedBroker.get();
    String topic = KafkaNames.unique("event-failures");
    broker.createTopic(topic, 1);
    Gateway gateway = start("kafka://" + broker.bootstrapServers() + "/" + topic);
    HttpResponse<String> accepted;
    try {
      accepted =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + gateway.port()
                                  + "/2015-03-31/functions/failing/invocations"))
                      .header("X-Amz-Invocation-Type", "Event")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"order\":7}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      List<ConsumerRecord<String, String>> records =
          KafkaTestClients.consume(broker.bootstrapServers(), topic, 1, Duration.ofSeconds(30));

      String requestId = accepted.headers().firstValue("x-amzn-RequestId").orElseThrow();
      assertThat(accepted.statusCode()).isEqualTo(202);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).key()).isEqualTo(requestId);
      JsonNode record = JSON.readTree(records.get(0).value());
      assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
      assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
      assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
      assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(7);
      assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Job.Failed");
    } finally {
      gateway.close().await();
    }
    assertThat(Files.readString(state.resolve("events.jsonl")))
        .as("the event left the journal once the broker had its record")
        .contains("\"done\"");
  }

  @Test
  @DisplayName("a Kafka destination without a topic stops the start with one line")
  void refusesATargetWithoutTopic() {
    assertThatThrownBy(() -> start("kafka://127.0.0.1:9/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
