package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bounded work per request over real HTTP (issue 9): the amplification batch is refused early on
 * both entry points and leaves no slot behind; function URLs queue calls over the concurrency limit
 * (bounded) and refuse the empty body Transfer's engine sends on retry.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Bounded work per request")
class BoundedWorkHttpTest {

  /** One record of 3 MB of tiny rows: a 4 MB request whose full answer would be ~180 MB. */
  private static final byte[] AMPLIFYING_BATCH = batchOfOneRecord("ts=1&data={}\n".repeat(240_000));

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private TestGateway gateway;

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("an amplifying batch on a function URL is a quick 502 ResponseSizeTooLarge")
  void amplificationOnFunctionUrl() {
    gateway = TestGateway.start();

    long started = System.nanoTime();
    HttpResponse<byte[]> response = post("/enricher", AMPLIFYING_BATCH);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(Http.json(response).get("errorType").asText())
        .isEqualTo("Function.ResponseSizeTooLarge");
    assertThat(tookMillis).isLessThan(5_000);
    assertNoSlotHeldAndNextCallWorks();
  }

  @Test
  @DisplayName(
      "an amplifying batch on the Invoke API is 200 Unhandled ResponseSizeTooLarge, as AWS")
  void amplificationOnInvokeApi() {
    gateway = TestGateway.start();

    HttpResponse<byte[]> response =
        post("/2015-03-31/functions/enricher/invocations", AMPLIFYING_BATCH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    JsonNode error = Http.json(response);
    assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
    assertThat(error.get("errorMessage").asText())
        .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    assertNoSlotHeldAndNextCallWorks();
  }

  @Test
  @DisplayName("an empty POST on a function URL is a 400 that says why")
  void emptyBodyIsExplained() {
    gateway = TestGateway.start();

    HttpResponse<byte[]> response = post("/enricher", new byte[0]);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(Http.json(response).get("Message").asText())
        .contains("Empty request body", "Transfer", "retries");
  }

  @Test
  @DisplayName("function-URL calls over a function's reserved concurrency wait for a slot")
  void functionUrlCallsWaitForASlot() {
    gateway = TestGateway.start(Map.of(), Duration.ofSeconds(10), OptionalInt.of(1));

    List<HttpResponse<byte[]>> answers = concurrently("/probe", "{\"sleepMs\":300}", 3);

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
    assertNoSlotHeldAndNextCallWorks();
  }

  @Test
  @DisplayName("beyond the queue's bound (the account limit) a function-URL call gets 429")
  void queueIsBounded() {
    gateway =
        TestGateway.start(
            Map.of("GATEWAY_MAX_CONCURRENCY", "1"), Duration.ofSeconds(10), OptionalInt.empty());

    List<HttpResponse<byte[]>> answers = concurrently("/probe", "{\"sleepMs\":1000}", 3);

    // one runs, one waits for its slot, the third finds the queue full
    assertThat(answers)
        .extracting(HttpResponse::statusCode)
        .containsExactlyInAnyOrder(200, 200, 429);
    assertNoSlotHeldAndNextCallWorks();
  }

  private void assertNoSlotHeldAndNextCallWorks() {
    assertThat(Http.text(Http.get(gateway.uri("/metrics")))).contains("lambda_in_flight 0.0");
    HttpResponse<byte[]> next =
        post("/enricher", "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
    assertThat(next.statusCode()).isEqualTo(200);
  }

  private HttpResponse<byte[]> post(String path, byte[] body) {
    return Http.send(
        Http.request(gateway.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private List<HttpResponse<byte[]>> concurrently(String path, String body, int calls) {
    URI uri = gateway.uri(path);
    List<CompletableFuture<HttpResponse<byte[]>>> sent = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      sent.add(
          client.sendAsync(
              Http.request(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofByteArray()));
    }
    return sent.stream().map(CompletableFuture::join).toList();
  }

  private static byte[] batchOfOneRecord(String value) {
    String data = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    String record =
        "{\"cdc\":{\"id\":0,\"nextlsn\":1,\"commitTime\":1,\"txPosition\":0,\"kind\":\"insert\","
            + "\"schema\":\"\",\"table\":\"t\",\"part\":\"t_0\",\"columnnames\":[\"data\"],"
            + "\"columnvalues\":[\""
            + data
            + "\"]},\"eventID\":\"1.0\"}";
    return ("{\"Records\":[" + record + "]}").getBytes(StandardCharsets.UTF_8);
  }
}
