package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Execution environments of a hosted function: one per concurrent call, reused while warm, stopped
 * when idle or at shutdown, and the function is a citizen of the platform like the enricher.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Execution environments of a hosted function")
class EnvironmentPoolTest {

  private static final String SLOW_HANDLER =
      """
        case "$EVENT" in *slow*) sleep 1 ;; esac
        respond "{\\"pid\\":$$}"
      """;

  @TempDir Path code;
  private RuntimeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    assertThat(Processes.descendantsMentioning(code.toString())).isEmpty();
  }

  private void host(OptionalInt reserved, RuntimeSettings settings) {
    Bootstrap.write(code, "", SLOW_HANDLER);
    gateway =
        RuntimeGateway.start(RuntimeGateway.spec(code, Duration.ofSeconds(20), reserved), settings);
  }

  private List<HttpResponse<String>> concurrently(int calls, String payload) {
    List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      running.add(CompletableFuture.supplyAsync(() -> gateway.invoke(payload)));
    }
    return running.stream().map(CompletableFuture::join).toList();
  }

  private static long pid(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body()).path("pid").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  @Test
  @DisplayName("8 concurrent slow calls run in 8 environments at once; later calls reuse them")
  void oneEnvironmentPerConcurrentCall() {
    host(OptionalInt.empty(), RuntimeSettings.defaults());

    List<HttpResponse<String>> responses = concurrently(8, "{\"slow\":true}");

    Set<Long> pids = new HashSet<>();
    responses.forEach(r -> pids.add(pid(r)));
    assertThat(pids).hasSize(8);
    assertThat(pids).allMatch(Processes::alive);
    assertThat(pids).contains(pid(gateway.invoke("{}")));
  }

  @Test
  @DisplayName("an environment idle longer than the idle time is stopped; the next call is cold")
  void idleEnvironmentsStop() {
    host(OptionalInt.empty(), RuntimeSettings.defaults().withIdleTimeout(Duration.ofMillis(300)));
    long first = pid(gateway.invoke("{}"));

    Processes.awaitDead(first);
    HttpResponse<String> cold = gateway.invoke("{}");

    assertThat(pid(cold)).isNotEqualTo(first);
    assertThat(RuntimeGateway.tail(cold)).contains("Init Duration");
  }

  @Test
  @DisplayName("closing the gateway stops every runtime process and what it started")
  void shutdownLeavesNoProcess() {
    host(OptionalInt.empty(), RuntimeSettings.defaults());
    Set<Long> pids = new HashSet<>();
    concurrently(3, "{\"slow\":true}").forEach(r -> pids.add(pid(r)));
    assertThat(Processes.descendantsMentioning(code.toString())).hasSizeGreaterThanOrEqualTo(3);

    gateway.close();
    gateway = null;

    assertThat(pids).noneMatch(Processes::alive);
    assertThat(Processes.descendantsMentioning(code.toString())).isEmpty();
  }

  @Test
  @DisplayName("reserved concurrency 1: a second concurrent call is throttled with 429")
  void reservedConcurrencyThrottles() {
    host(OptionalInt.of(1), RuntimeSettings.defaults());

    List<HttpResponse<String>> responses = concurrently(2, "{\"slow\":true}");

    assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 429);
  }

  @Test
  @DisplayName("it is listed, described, reachable by function URL and counted in the metrics")
  void aCitizenOfThePlatform() {
    host(OptionalInt.empty(), RuntimeSettings.defaults());

    HttpResponse<String> url = gateway.post("/" + RuntimeGateway.NAME, "{\"hello\":1}");
    HttpResponse<String> list = gateway.get("/2015-03-31/functions/");
    HttpResponse<String> get = gateway.get("/2015-03-31/functions/" + RuntimeGateway.NAME);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(gateway.get("/metrics").body())
                    .contains("function=\"" + RuntimeGateway.NAME + "\""));

    assertThat(url.statusCode()).isEqualTo(200);
    assertThat(url.body()).contains("\"pid\"");
    assertThat(list.body()).contains("\"FunctionName\":\"custom\"");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body())
        .contains("\"Runtime\":\"provided.al2023\"")
        .contains("\"Handler\":\"handler.ignored\"")
        .contains("\"MemorySize\":256");
  }
}
