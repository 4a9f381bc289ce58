package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Invoke API over plain HTTP: the wire details SDKs hide. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The Invoke API over plain HTTP")
class InvokeApiHttpTest {

  private static final String PROBE = "/2015-03-31/functions/probe/invocations";
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of(), Duration.ofMillis(1500), OptionalInt.empty());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("a sync call answers 200 with the function's bytes and the AWS headers")
  void answersWithAwsHeaders() {
    HttpResponse<byte[]> response = Http.post(gateway.uri(PROBE), "{\"return\":[1,\"a\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("[1,\"a\"]");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(response.headers().firstValue("X-Amz-Executed-Version")).hasValue("$LATEST");
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
    assertThat(response.headers().firstValue("X-Amz-Log-Result")).isEmpty();
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @ValueSource(
      strings = {
        "",
        "application/json",
        "binary/octet-stream",
        "application/octet-stream",
        "text/plain"
      })
  @DisplayName("no Content-Type is ever refused")
  void acceptsAnyContentType(String contentType) {
    HttpRequest.Builder request =
        Http.request(gateway.uri(PROBE))
            .POST(HttpRequest.BodyPublishers.ofString("{\"return\":\"ok\"}"));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }

    HttpResponse<byte[]> response = Http.send(request.build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("\"ok\"");
  }

  @Test
  @DisplayName("an empty body reaches the function as {}")
  void emptyBodyIsAnEmptyObject() {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(gateway.uri(PROBE)).POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("{}");
  }

  @Test
  @DisplayName("a body that is not JSON is a 400 InvalidRequestContentException")
  void refusesNonJson() {
    HttpResponse<byte[]> response = Http.post(gateway.uri(PROBE), "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidRequestContentException");
    JsonNode body = Http.json(response);
    assertThat(body.get("Type").asText()).isEqualTo("User");
    assertThat(body.get("message").asText())
        .startsWith("Could not parse request body into json: Could not parse payload into json");
  }

  @Test
  @DisplayName("a function past its timeout is a Sandbox.Timedout function error")
  void timesOut() {
    HttpResponse<byte[]> response = Http.post(gateway.uri(PROBE), "{\"sleepMs\":5000}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    JsonNode error = Http.json(response);
    assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(error.get("errorMessage").asText()).isEqualTo("Task timed out after 1.50 seconds");
  }

  @Test
  @DisplayName("a response over 6 MiB + 100 bytes is a Function.ResponseSizeTooLarge error")
  void refusesOversizeResponses() {
    HttpResponse<byte[]> atLimit = Http.post(gateway.uri(PROBE), "{\"bytes\":6291556}");
    HttpResponse<byte[]> overLimit = Http.post(gateway.uri(PROBE), "{\"bytes\":6291557}");

    assertThat(atLimit.body()).hasSize(6_291_556);
    assertThat(overLimit.statusCode()).isEqualTo(200);
    assertThat(overLimit.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    JsonNode error = Http.json(overLimit);
    assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
    assertThat(error.get("errorMessage").asText())
        .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
  }

  @Test
  @DisplayName("a blocking function runs on a worker thread, not an event loop")
  void runsBlockingFunctionsOnWorkers() {
    HttpResponse<byte[]> response =
        Http.post(gateway.uri("/2015-03-31/functions/blocking/invocations"), "{\"sleepMs\":400}");

    assertThat(Http.json(response).get("thread").asText()).startsWith("vert.x-worker-thread");
  }

  @Test
  @DisplayName("a percent-encoded ARN with a percent-encoded $LATEST reaches the function")
  void decodesThePath() {
    HttpResponse<byte[]> response =
        Http.post(
            gateway.uri(
                "/2015-03-31/functions/"
                    + "arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aprobe%3A%24LATEST"
                    + "/invocations"),
            "{\"return\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("1");
  }

  @Test
  @DisplayName("an invalid function name is a 400 ValidationException")
  void refusesInvalidNames() {
    HttpResponse<byte[]> response =
        Http.post(gateway.uri("/2015-03-31/functions/bad%20name/invocations"), "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
    assertThat(Http.json(response).get("message").asText())
        .startsWith("1 validation error detected: Value 'bad name' at 'functionName'");
  }

  @Test
  @DisplayName("an unknown invocation type is a 400 InvalidParameterValueException")
  void refusesUnknownInvocationTypes() {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(gateway.uri(PROBE))
                .header("X-Amz-Invocation-Type", "Later")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidParameterValueException");
  }

  @Test
  @DisplayName("headers over the limit are a 431 with an AWS-shaped JSON body")
  void refusesHugeHeaders() {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(gateway.uri(PROBE))
                .header("X-Huge", "h".repeat(20_000))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(Http.json(response).get("Type").asText()).isEqualTo("User");
  }

  @Test
  @DisplayName("a request line over the limit is a 414")
  void refusesHugeRequestLines() {
    HttpResponse<byte[]> response = Http.get(gateway.uri("/probe?q=" + "a".repeat(10_000)));

    assertThat(response.statusCode()).isEqualTo(414);
  }

  @Test
  @DisplayName("Event calls beyond the queue's capacity are refused with 429 and Retry-After")
  void boundsTheEventQueue() {
    try (TestGateway tiny =
        TestGateway.start(
            Map.of("GATEWAY_EVENT_QUEUE_SIZE", "1", "GATEWAY_EVENT_CONCURRENCY", "1"))) {
      HttpRequest event =
          Http.request(tiny.uri(PROBE))
              .header("X-Amz-Invocation-Type", "Event")
              .POST(HttpRequest.BodyPublishers.ofString("{\"sleepMs\":2000}"))
              .build();

      HttpResponse<byte[]> running = Http.send(event);
      HttpResponse<byte[]> queued = Http.send(event);
      HttpResponse<byte[]> refused = Http.send(event);

      assertThat(running.statusCode()).isEqualTo(202);
      assertThat(queued.statusCode()).isEqualTo(202);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("TooManyRequestsException");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(Http.json(refused).get("Reason").asText())
          .isEqualTo("ConcurrentInvocationLimitExceeded");
    }
  }

  @Test
  @DisplayName("a failing Event call is run three times in all, like Lambda's two retries")
  void retriesFailedEvents() {
    try (TestGateway own = TestGateway.start()) {
      HttpResponse<byte[]> accepted =
          Http.send(
              Http.request(own.uri(PROBE))
                  .header("X-Amz-Invocation-Type", "Event")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"fail\":\"always\"}"))
                  .build());

      assertThat(accepted.statusCode()).isEqualTo(202);
      String attempts = "lambda_invocations_total{function=\"probe\",outcome=\"function_error\"}";
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(Http.text(Http.get(own.uri("/metrics")))).contains(attempts + " 3.0"));
      await()
          .during(Duration.ofMillis(2500))
          .atMost(Duration.ofSeconds(4))
          .untilAsserted(
              () ->
                  assertThat(Http.text(Http.get(own.uri("/metrics")))).contains(attempts + " 3.0"));
    }
  }
}
