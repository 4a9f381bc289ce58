package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One real gateway hosting the Java enricher (its default function, {@code enricher}) and the Node
 * enricher ({@code node-enricher}, defined the way a user defines it, through {@code
 * GATEWAY_FUNCTIONS}), plus blocking HTTP calls to both, made from the test thread.
 */
final class EnricherPair implements AutoCloseable {

  static final String PUBLIC_IP = "203.0.113.7";
  static final String NODE = "node-enricher";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Gateway gateway;

  private EnricherPair(Gateway gateway) {
    this.gateway = gateway;
  }

  /** Starts the gateway; {@code extra} settings are added (e.g. an auth token). */
  static EnricherPair start(Path nodeCode, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.putAll(
        Map.of(
            "GATEWAY_HOST", "127.0.0.1",
            "GATEWAY_PORT", "0",
            "GATEWAY_INSTANCES", "2",
            "ENRICHER_PUBLIC_IP", PUBLIC_IP,
            "GATEWAY_FUNCTIONS", nodeSpec(nodeCode)));
    return new EnricherPair(
        Gateway.start(
                GatewayConfig.fromSettings(settings),
                List.of(),
                GatewayPipelineEndToEndTest.strictEventLoops())
            .await());
  }

  static EnricherPair start(Path nodeCode) {
    return start(nodeCode, Map.of());
  }

  /** A generous timeout: a cold start of node on a machine shared by several builds is slow. */
  static String nodeSpec(Path nodeCode) {
    return "name="
        + NODE
        + ",runtime=nodejs,code="
        + nodeCode.toAbsolutePath().normalize()
        + ",handler=main.handler,timeout=60s,memory=256";
  }

  JsonNode javaByUrl(byte[] batch) {
    return ok(post("/enricher?integration=raw", batch));
  }

  JsonNode nodeByUrl(byte[] batch) {
    return ok(post("/" + NODE + "?integration=raw", batch));
  }

  JsonNode javaByInvokeApi(byte[] batch) {
    return ok(post("/2015-03-31/functions/enricher/invocations", batch));
  }

  /**
   * The Node enricher through the Invoke API: it reads {@code event.body}, so it is sent the
   * function-URL event (payload format 2.0) that carries the batch, as a function URL would.
   */
  JsonNode nodeByInvokeApi(byte[] batch) {
    return ok(invokeNode(urlEvent(batch)));
  }

  HttpResponse<String> invokeNode(byte[] event) {
    return post("/2015-03-31/functions/" + NODE + "/invocations", event);
  }

  static byte[] urlEvent(byte[] batch) {
    String event =
        ExpectedRecords.JSON
            .createObjectNode()
            .put("version", "2.0")
            .put("routeKey", "$default")
            .put("rawPath", "/" + NODE)
            .put("rawQueryString", "integration=raw")
            .put("body", new String(batch, StandardCharsets.UTF_8))
            .put("isBase64Encoded", false)
            .toString();
    return event.getBytes(StandardCharsets.UTF_8);
  }

  HttpResponse<String> post(String path, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
    return EnricherResults.tree(response.body());
  }

  @Override
  public void close() {
    gateway.close().await();
  }
}
