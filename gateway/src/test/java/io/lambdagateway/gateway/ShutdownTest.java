package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What SIGTERM does: the shutdown hook calls {@link Gateway#close()}. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Graceful shutdown")
class ShutdownTest {

  @Test
  @DisplayName("a call in flight when shutdown starts still gets its answer")
  void letsInFlightCallsFinish() throws Exception {
    TestGateway gateway = TestGateway.start();
    CompletableFuture<HttpResponse<byte[]>> inFlight =
        CompletableFuture.supplyAsync(
            () -> Http.post(gateway.uri("/probe"), "{\"sleepMs\":1500,\"return\":1}"));
    Thread.sleep(500);

    gateway.close();

    HttpResponse<byte[]> response = inFlight.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("{\"slept\":1500}");
  }
}
