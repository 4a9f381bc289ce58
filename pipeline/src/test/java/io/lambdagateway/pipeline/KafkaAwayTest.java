package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("pipeline with Kafka away")
class KafkaAwayTest {

  private final BlockedThreadWatch blockedThreads = new BlockedThreadWatch();

  @AfterEach
  void noBlockedThreads() {
    blockedThreads.close();
    assertThat(blockedThreads.warnings()).as("Vert.x blocked-thread warnings").isEmpty();
  }

  @Test
  @DisplayName("pipeline against a closed port prints one line and exits with 1 within the timeout")
  void atStart() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();

    int exit =
        Settings.commandLine(new PipelineCommand(), Map.of())
            .setErr(new PrintWriter(err, true))
            .execute("-b", address, "--kafka-timeout", "2s");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("cannot reach Kafka at " + address + " (connection refused)\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("/health is 503 with the reason while the broker is down, and 200 once it is back")
  void atRuntime(Vertx vertx, @TempDir Path data) throws Exception {
    EmbeddedKafkaBroker broker = standalone(0, data);
    String source = KafkaNames.unique("away");
    broker.createTopic(source, 1);
    FunctionServer function = FunctionServer.start(vertx);
    PipelineConfig config =
        PipelineVerticle.configFor(broker.bootstrapServers(), function.baseUrl())
            .sourceTopic(source)
            .targetTopic(source + ".target")
            .groupId(KafkaNames.unique("group"))
            .lagRefreshInterval(Duration.ofMillis(500))
            .build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineVerticle pipeline = new PipelineVerticle(config, registry);
    vertx.deployVerticle(pipeline).await();
    int statusPort =
        vertx
            .createHttpServer()
            .requestHandler(StatusEndpoints.create(registry, pipeline))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    HttpClientAgent http = vertx.createHttpClient();
    assertThat(health(http, statusPort)).isEqualTo("200 {\"status\":\"UP\"}");

    int port = broker.port();
    broker.close();
    await().atMost(Duration.ofSeconds(20)).until(() -> health(http, statusPort).startsWith("503 "));
    JsonObject down = new JsonObject(health(http, statusPort).substring(4));
    assertThat(down.getString("status")).isEqualTo("DOWN");
    assertThat(down.getBoolean("stalled")).isFalse();
    assertThat(down.getString("reason"))
        .startsWith("cannot reach Kafka at 127.0.0.1:" + port + " (");

    try (EmbeddedKafkaBroker back = standalone(port, data)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> health(http, statusPort).startsWith("200 "));
      vertx.undeploy(vertx.deploymentIDs().iterator().next()).await(30, TimeUnit.SECONDS);
    }
  }

  private static EmbeddedKafkaBroker standalone(int port, Path data) {
    return EmbeddedKafkaBroker.startStandalone("127.0.0.1", "127.0.0.1", port, Optional.of(data));
  }

  private static String health(HttpClientAgent http, int port) throws Exception {
    return http.request(HttpMethod.GET, port, "127.0.0.1", "/health")
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.statusCode() + " " + body))
        .await(10, TimeUnit.SECONDS);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
