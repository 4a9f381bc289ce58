package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's routes over plain HTTP, next to the function URLs they share the paths with. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The dashboard over HTTP")
class DashboardHttpTest {

  private static TestGateway gateway;
  private static TestGateway withLogs;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    withLogs = TestGateway.start(Map.of("GATEWAY_DASHBOARD_LOGS", "true"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    withLogs.close();
  }

  @Test
  @DisplayName("GET / is the page; HEAD / answers its headers; the script and style are bundled")
  void servesThePage() {
    HttpResponse<byte[]> page = Http.get(gateway.uri("/"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(Http.text(page)).contains("<main>", "/.gateway/dashboard.js");

    HttpResponse<byte[]> head =
        Http.send(
            Http.request(gateway.uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    assertThat(Http.get(gateway.uri("/.gateway/dashboard.js")).statusCode()).isEqualTo(200);
    assertThat(Http.get(gateway.uri("/.gateway/dashboard.css")).statusCode()).isEqualTo(200);
    assertThat(Http.get(gateway.uri("/.gateway/nothing")).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("POST / stays the default function's URL and GET /{name} still invokes a function")
  void functionUrlsKeepWorking() {
    HttpResponse<byte[]> post = Http.post(gateway.uri("/"), "{\"Records\":[]}");
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(Http.json(post)).isEqualTo(Http.json("{\"Records\":[]}"));

    HttpResponse<byte[]> get = Http.get(gateway.uri("/probe"));
    assertThat(get.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a function cannot be named like the reserved prefix: names have no dots")
  void reservedPrefixIsNoFunctionName() {
    assertThatThrownBy(
            () ->
                GatewayConfig.fromSettings(
                    Map.of(
                        "GATEWAY_FUNCTIONS",
                        "name=.gateway,runtime=nodejs,code=/tmp,handler=index.handler")))
        .hasMessageContaining(".gateway");
  }

  @Test
  @DisplayName("the status JSON counts each invocation and lists it with its channel and outcome")
  void statusCountsInvocations() {
    long before =
        probe(Http.json(Http.get(gateway.uri("/.gateway/status")))).path("invocations").asLong();

    Http.post(gateway.uri("/2015-03-31/functions/probe/invocations"), "{\"log\":\"hello\"}");
    Http.post(gateway.uri("/probe"), "{\"fail\":\"Boom\"}");

    JsonNode status = Http.json(Http.get(gateway.uri("/.gateway/status")));
    JsonNode probe = probe(status);
    assertThat(probe.path("invocations").asLong()).isEqualTo(before + 2);
    assertThat(probe.path("runtime").asText()).isEqualTo("java17");
    assertThat(probe.path("limit").asInt()).isPositive();
    assertThat(probe.path("p99Ms").asDouble()).isPositive();
    assertThat(status.path("invocationLogs").asBoolean()).isFalse();
    JsonNode newest = status.path("recent").get(0);
    assertThat(newest.path("function").asText()).isEqualTo("probe");
    assertThat(newest.path("channel").asText()).isEqualTo("url");
    JsonNode older = status.path("recent").get(1);
    assertThat(older.path("channel").asText()).isEqualTo("invoke");
    assertThat(older.path("outcome").asText()).isEqualTo("success");
    assertThat(status.has("pipeline")).isFalse();
  }

  @Test
  @DisplayName("log lines are served only with --dashboard-logs: 403 saying how, else the log")
  void logLinesAreOptIn() {
    String hidden = invokeProbeWithLog(gateway);
    HttpResponse<byte[]> refused =
        Http.get(gateway.uri("/.gateway/invocations/" + hidden + "/log"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused).path("message").asText()).contains("--dashboard-logs");

    String shown = invokeProbeWithLog(withLogs);
    HttpResponse<byte[]> log = Http.get(withLogs.uri("/.gateway/invocations/" + shown + "/log"));
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(Http.text(log))
        .contains("START RequestId: " + shown, "INFO\tfrom the dashboard test", "REPORT RequestId");
    assertThat(Http.get(withLogs.uri("/.gateway/invocations/unknown/log")).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("the live stream sends the snapshot as server-sent events; one past the cap is 503")
  void liveStreamIsBounded() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<InputStream> streams = new ArrayList<>();
    try {
      HttpResponse<InputStream> first = openStream(client);
      streams.add(first.body());
      assertThat(first.headers().firstValue("content-type")).hasValue("text/event-stream");
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
      String data = reader.readLine();
      while (!data.startsWith("data: ")) {
        data = reader.readLine();
      }
      assertThat(Http.json(data.substring("data: ".length())).path("functions").size())
          .isPositive();

      for (int i = 1; i < 16; i++) {
        HttpResponse<InputStream> more = openStream(client);
        assertThat(more.statusCode()).isEqualTo(200);
        streams.add(more.body());
      }
      HttpResponse<InputStream> tooMany = openStream(client);
      streams.add(tooMany.body());
      assertThat(tooMany.statusCode()).isEqualTo(503);
    } finally {
      for (InputStream stream : streams) {
        stream.close();
      }
    }
  }

  @Test
  @DisplayName("with --pipeline-status-url the snapshot carries the pipeline's status, or why not")
  void pipelinePanel() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (PipelineStatusStub pipeline = PipelineStatusStub.start();
        TestGateway reading =
            TestGateway.start(Map.of("GATEWAY_PIPELINE_STATUS_URL", pipeline.url().toString()));
        TestGateway unreachable =
            TestGateway.start(Map.of("GATEWAY_PIPELINE_STATUS_URL", "http://127.0.0.1:1/status"));
        InputStream watching = openStream(client, reading).body();
        InputStream watchingNothing = openStream(client, unreachable).body()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          Http.json(Http.get(reading.uri("/.gateway/status")))
                              .path("pipeline")
                              .path("partitions")
                              .path(1)
                              .path("lag")
                              .asLong())
                      .isEqualTo(4));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          Http.json(Http.get(unreachable.uri("/.gateway/status")))
                              .path("pipeline")
                              .path("error")
                              .asText())
                      .startsWith("cannot read http://127.0.0.1:1/status"));
    }
    assertThatThrownBy(
            () -> GatewayConfig.fromSettings(Map.of("GATEWAY_PIPELINE_STATUS_URL", "ftp://x/")))
        .hasMessageContaining("an http:// or https:// URL");
  }

  @Test
  @DisplayName("an endless pipeline status is cut off at 256 KB, read no further, and reported")
  void endlessPipelineStatus() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (PipelineStatusStub pipeline = PipelineStatusStub.start();
        TestGateway reading =
            TestGateway.start(
                Map.of("GATEWAY_PIPELINE_STATUS_URL", pipeline.url("/endless").toString()));
        InputStream watching = openStream(client, reading).body()) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          Http.json(Http.get(reading.uri("/.gateway/status")))
                              .path("pipeline")
                              .path("error")
                              .asText())
                      .endsWith("answer over 262144 bytes"));
      await().atMost(Duration.ofSeconds(20)).until(pipeline::endlessCutOff);
    }
  }

  private static HttpResponse<InputStream> openStream(HttpClient client) throws Exception {
    return openStream(client, gateway);
  }

  private static HttpResponse<InputStream> openStream(HttpClient client, TestGateway target)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(target.uri("/.gateway/events"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private static String invokeProbeWithLog(TestGateway target) {
    HttpResponse<byte[]> call =
        Http.post(
            target.uri("/2015-03-31/functions/probe/invocations"),
            "{\"log\":\"from the dashboard test\"}");
    return call.headers().firstValue("x-amzn-RequestId").orElseThrow();
  }

  private static JsonNode probe(JsonNode status) {
    for (JsonNode fn : status.path("functions")) {
      if (fn.path("name").asText().equals("probe")) {
        return fn;
      }
    }
    throw new AssertionError("no probe function in " + status);
  }
}
