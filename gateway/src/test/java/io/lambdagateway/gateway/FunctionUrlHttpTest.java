package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.function.EnricherFunction;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Function URLs over plain HTTP, starting with the exact call Transfer makes. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Function URLs over plain HTTP")
class FunctionUrlHttpTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<byte[]> transferCall(String path, byte[] batch) {
    return Http.send(
        Http.request(gateway.uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer ")
            .header("X-User-Header", "from terraform headers")
            .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
            .build());
  }

  @Test
  @DisplayName("Transfer's schema probe, an empty batch, is answered 200 with an empty batch")
  void answersTheSchemaProbe() {
    HttpResponse<byte[]> response =
        transferCall("/enricher?integration=raw", "{\"Records\":[]}".getBytes());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(Http.json(response)).isEqualTo(Http.json("{\"Records\":[]}"));
  }

  @Test
  @DisplayName("Transfer's call with the golden demo batch returns the golden response")
  void enrichesTheGoldenBatch() throws Exception {
    HttpResponse<byte[]> response =
        transferCall(
            "/enricher?integration=raw", Files.readAllBytes(GOLDEN.resolve("demo.request.json")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response))
        .isEqualTo(Http.json(Files.readString(GOLDEN.resolve("demo.compact-response.json"))));
  }

  @Test
  @DisplayName("the raw-body hot path and the full 2.0 event give the enricher the same result")
  void rawBodyAndEventAgree() throws Exception {
    byte[] batch = Files.readAllBytes(GOLDEN.resolve("demo.request.json"));
    HttpResponse<byte[]> raw = transferCall("/enricher", batch);
    HttpResponse<byte[]> event = Http.post(gateway.uri("/probe"), "{\"echo\":true}");
    JsonNode wrapped = Http.json(event);
    ((com.fasterxml.jackson.databind.node.ObjectNode) wrapped)
        .put("body", new String(batch, java.nio.charset.StandardCharsets.UTF_8));

    HttpResponse<byte[]> viaEvent =
        Http.post(gateway.uri("/2015-03-31/functions/enricher/invocations"), wrapped.toString());

    assertThat(Http.json(viaEvent)).isEqualTo(Http.json(raw));
  }

  @Test
  @DisplayName("POST / invokes the default function")
  void rootIsTheDefaultFunction() {
    HttpResponse<byte[]> response = transferCall("/", "{\"Records\":[]}".getBytes());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("{\"Records\":[]}");
  }

  @Test
  @DisplayName("an unknown first path segment is a 404 naming the known functions")
  void unknownFunctionIs404() {
    HttpResponse<byte[]> response = Http.post(gateway.uri("/nope/x"), "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).get("Message").asText())
        .contains("enricher", "probe", "blocking");
  }

  @Test
  @DisplayName("the function receives a payload-format-2.0 event built from the request")
  void buildsTheEvent() {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(gateway.uri("/probe/any/path?a=1&a=2&b=x%20y"))
                .header("X-Dup", "one")
                .header("X-Dup", "two")
                .header("Cookie", "c1=v1; c2=v2")
                .header("User-Agent", "test-agent")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = Http.json(response);
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("$default");
    assertThat(event.get("rawPath").asText()).isEqualTo("/probe/any/path");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x%20y");
    assertThat(event.get("queryStringParameters").get("a").asText()).isEqualTo("1,2");
    assertThat(event.get("queryStringParameters").get("b").asText()).isEqualTo("x y");
    assertThat(event.get("headers").get("x-dup").asText()).isEqualTo("one,two");
    assertThat(event.get("headers").has("cookie")).isFalse();
    assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("c1=v1", "c2=v2");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.has("body")).isFalse();
    JsonNode context = event.get("requestContext");
    assertThat(context.get("accountId").asText()).isEqualTo("anonymous");
    assertThat(context.get("stage").asText()).isEqualTo("$default");
    assertThat(context.get("http").get("method").asText()).isEqualTo("GET");
    assertThat(context.get("http").get("path").asText()).isEqualTo("/probe/any/path");
    assertThat(context.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("http").get("userAgent").asText()).isEqualTo("test-agent");
    assertThat(context.get("time").asText())
        .matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(context.get("timeEpoch").asLong()).isPositive();
    assertThat(response.headers().firstValue("x-amzn-RequestId"))
        .hasValue(context.get("requestId").asText());
  }

  @Test
  @DisplayName("a binary body reaches the function base64-encoded")
  void encodesBinaryBodies() {
    byte[] binary = {0, 1, 2, (byte) 0xff};
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(gateway.uri("/probe"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(binary))
                .build());

    JsonNode event = Http.json(response);
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.get("body").asText()).isEqualTo("AAEC/w==");
    assertThat(event.get("requestContext").get("http").get("method").asText()).isEqualTo("PUT");
  }

  @Test
  @DisplayName("a structured result sets status, headers, body and one set-cookie per cookie")
  void mapsStructuredResults() {
    HttpResponse<byte[]> response =
        Http.post(
            gateway.uri("/probe"),
            "{\"return\":{"
                + "\"statusCode\":201,\"headers\":{\"X-Answer\":\"42\",\"Content-Type\":\"text/plain\"},"
                + "\"body\":\"created\",\"cookies\":[\"a=1; Path=/\",\"b=2\"]}}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("x-answer")).hasValue("42");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
    assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
    assertThat(Http.text(response)).isEqualTo("created");
  }

  @Test
  @DisplayName("an object without statusCode is a 200 JSON body, a string keeps its quotes")
  void mapsPlainResults() {
    HttpResponse<byte[]> object = Http.post(gateway.uri("/probe"), "{\"return\":{\"k\":[1,2]}}");
    HttpResponse<byte[]> string = Http.post(gateway.uri("/probe"), "{\"return\":\"Hello\"}");

    assertThat(object.statusCode()).isEqualTo(200);
    assertThat(Http.text(object)).isEqualTo("{\"k\":[1,2]}");
    assertThat(object.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(string.statusCode()).isEqualTo(200);
    assertThat(Http.text(string)).isEqualTo("\"Hello\"");
  }

  @Test
  @DisplayName("a function error is a 502, a malformed enricher batch too")
  void mapsFunctionErrorsTo502() {
    HttpResponse<byte[]> thrown = Http.post(gateway.uri("/probe"), "{\"fail\":\"boom\"}");
    HttpResponse<byte[]> malformed = transferCall("/enricher", "{\"nope\":1}".getBytes());

    assertThat(thrown.statusCode()).isEqualTo(502);
    assertThat(Http.json(thrown).get("Message").asText()).isEqualTo("Internal Server Error");
    assertThat(malformed.statusCode()).isEqualTo(502);
    assertThat(Http.json(malformed).get("errorType").asText())
        .isEqualTo(EnricherFunction.MALFORMED_BATCH);
  }

  @Test
  @DisplayName("with a token configured, a missing or wrong bearer token is a 403")
  void checksTheBearerToken() {
    try (TestGateway secured = TestGateway.start(Map.of("GATEWAY_AUTH_TOKEN", "s3cret"))) {
      HttpResponse<byte[]> missing = Http.post(secured.uri("/enricher"), "{\"Records\":[]}");
      HttpResponse<byte[]> wrong =
          Http.send(
              Http.request(secured.uri("/enricher"))
                  .header("Authorization", "Bearer nope")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"Records\":[]}"))
                  .build());
      HttpResponse<byte[]> right =
          Http.send(
              Http.request(secured.uri("/enricher"))
                  .header("Authorization", "Bearer s3cret")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"Records\":[]}"))
                  .build());

      assertThat(missing.statusCode()).isEqualTo(403);
      assertThat(Http.json(missing).get("Message").asText()).isEqualTo("Forbidden");
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(right.statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a body over the sync limit is a 413")
  void refusesOversizeBodies() {
    try (TestGateway small = TestGateway.start(Map.of("GATEWAY_MAX_SYNC_PAYLOAD", "1000"))) {
      HttpResponse<byte[]> response = Http.post(small.uri("/probe"), "x".repeat(1001));

      assertThat(response.statusCode()).isEqualTo(413);
    }
  }
}
