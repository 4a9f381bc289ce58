package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The benchmark's HTTP floor: {@code POST /bench/answer}, off unless bench routes are on. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The bench answer route")
class BenchAnswerTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");

  private static HttpResponse<byte[]> post(TestGateway gateway, String path, byte[] body) {
    return Http.send(
        Http.request(gateway.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @Test
  @DisplayName("answers each body with the default function's answer, the same bytes every time")
  void answersWhatTheFunctionAnswers() throws Exception {
    byte[] batch = Files.readAllBytes(GOLDEN.resolve("demo.request.json"));
    byte[] empty = "{\"Records\":[]}".getBytes();
    try (TestGateway gateway = TestGateway.start(Map.of("GATEWAY_BENCH_ECHO", "true"))) {
      byte[] enriched = post(gateway, "/enricher?integration=raw", batch).body();

      HttpResponse<byte[]> first = post(gateway, "/bench/answer", batch);
      HttpResponse<byte[]> again = post(gateway, "/bench/answer", batch);
      HttpResponse<byte[]> other = post(gateway, "/bench/answer", empty);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(first.body()).isEqualTo(enriched);
      assertThat(again.body()).isEqualTo(enriched);
      assertThat(Http.json(other)).isEqualTo(Http.json("{\"Records\":[]}"));
    }
  }

  @Test
  @DisplayName("is not mounted by default: the path is a function URL like any other")
  void offByDefault() {
    try (TestGateway gateway = TestGateway.start()) {
      HttpResponse<byte[]> response = post(gateway, "/bench/answer", "{\"Records\":[]}".getBytes());

      assertThat(response.statusCode()).isEqualTo(404);
    }
  }
}
