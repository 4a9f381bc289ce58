package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.gateway.function.EnricherFunction;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChunkPool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The enricher's answers are written into pooled chunks that go back to the pool once sent: under
 * concurrent calls of different sizes on both routes, every caller must still get exactly its own
 * answer, and the chunks must come back for the next calls.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Pooled enricher answers")
class PooledAnswersHttpTest {

  private static final int CALLS = 48;
  private static final int IN_FLIGHT = 8;

  /** Small chunks, so that every answer here spans several and the pool turns over often. */
  private static final ChunkPool POOL = new ChunkPool(4096, 64);

  private static final Enricher ENRICHER =
      Enricher.create(new EnricherConfig(TestGateway.PUBLIC_IP, false));

  private static Gateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        TestGateway.hosting(
            config ->
                List.of(Gateway.host(config, "pooled", new EnricherFunction(ENRICHER, POOL))));
  }

  @AfterAll
  static void stop() {
    gateway.close().await();
  }

  @Test
  @DisplayName("each caller gets exactly its own answer, and the chunks come back to the pool")
  void concurrentCallsGetTheirOwnAnswers() throws Exception {
    byte[] demo =
        Files.readAllBytes(Path.of("../enricher/src/test/resources/golden/demo.request.json"));
    HttpClient client = HttpClient.newHttpClient();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      byte[] batch = batchOf(demo, 1 + i % 7);
      String path = i % 2 == 0 ? "/2015-03-31/functions/pooled/invocations" : "/pooled";
      HttpRequest request =
          HttpRequest.newBuilder(url(path))
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
              .build();
      inFlight.acquire();
      calls.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
              .whenComplete((response, failure) -> inFlight.release())
              .thenApply(
                  response ->
                      response.statusCode() == 200
                          && Arrays.equals(response.body(), ENRICHER.transform(batch))));
    }

    List<Boolean> exact = new ArrayList<>();
    for (CompletableFuture<Boolean> call : calls) {
      exact.add(call.get());
    }

    assertThat(exact).hasSize(CALLS).containsOnly(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> POOL.idleChunks() > 0);
  }

  /** {@code batch}'s records, {@code times} over. */
  private static byte[] batchOf(byte[] batch, int times) throws IOException {
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      records.addAll(BatchJson.readRequest(batch));
    }
    return BatchJson.writeRequest(records);
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }
}
