package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics and the read-only function operations. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Operations: health, metrics, ListFunctions, GetFunction")
class OperationsHttpTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("GET /health is UP with the functions and the event queue")
  void reportsHealth() {
    HttpResponse<byte[]> response = Http.get(gateway.uri("/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = Http.json(response);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("checks").findValuesAsText("id"))
        .contains("server", "functions", "event-queue");
  }

  @Test
  @DisplayName("GET /metrics counts invocations by outcome, including Event calls run later")
  void exposesMetrics() {
    Http.post(gateway.uri("/2015-03-31/functions/probe/invocations"), "{\"fail\":\"x\"}");
    Http.send(
        Http.request(gateway.uri("/2015-03-31/functions/probe/invocations"))
            .header("X-Amz-Invocation-Type", "Event")
            .POST(HttpRequest.BodyPublishers.ofString("{\"return\":1}"))
            .build());

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              String metrics = Http.text(Http.get(gateway.uri("/metrics")));
              assertThat(metrics)
                  .contains("lambda_invocations_total{function=\"probe\",outcome=\"success\"}")
                  .contains(
                      "lambda_invocations_total{function=\"probe\",outcome=\"function_error\"}")
                  .contains(
                      "lambda_function_errors_total{error_type=\"IllegalStateException\","
                          + "function=\"probe\"}")
                  .contains("lambda_invocation_duration_seconds_bucket")
                  .contains("lambda_payload_bytes_sum")
                  .contains("lambda_in_flight")
                  .contains("vertx_http_server_requests_total");
            });
  }

  @Test
  @DisplayName("ListFunctions lists every function with its Configuration")
  void listsFunctions() {
    JsonNode list = Http.json(Http.get(gateway.uri("/2015-03-31/functions")));

    assertThat(list.get("Functions").findValuesAsText("FunctionName"))
        .containsExactly("enricher", "probe", "blocking");
    JsonNode enricher = list.get("Functions").get(0);
    assertThat(enricher.get("FunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:enricher");
    assertThat(enricher.get("Timeout").asInt()).isEqualTo(30);
    assertThat(enricher.get("MemorySize").asInt()).isEqualTo(512);
    assertThat(enricher.get("Version").asText()).isEqualTo("$LATEST");
  }

  @Test
  @DisplayName("GetFunction returns the Configuration, or 404 ResourceNotFoundException")
  void getsOneFunction() {
    HttpResponse<byte[]> found = Http.get(gateway.uri("/2015-03-31/functions/probe"));
    HttpResponse<byte[]> missing = Http.get(gateway.uri("/2015-03-31/functions/nope"));

    assertThat(Http.json(found).get("Configuration").get("FunctionName").asText())
        .isEqualTo("probe");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("ResourceNotFoundException");
    assertThat(Http.json(missing).get("Message").asText())
        .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");
  }

  @Test
  @DisplayName("an API path the gateway does not serve is a 404, not a function-URL call")
  void unknownApiPathsAre404() {
    HttpResponse<byte[]> response =
        Http.get(gateway.uri("/2015-03-31/functions/probe/no-such-thing"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException");
  }
}
