package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.json.Json;
import io.vertx.core.VertxOptions;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example functions of {@code examples/} and the commands of docs/functions.md that host them,
 * run as written (the same {@code --function} specs, through {@code GATEWAY_FUNCTIONS}, and the
 * example template), so the documentation cannot drift from what the gateway does.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The documented example functions, hosted as docs/functions.md shows")
class ExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The specs of docs/functions.md, with the examples' directory in place of "examples". */
  private static final List<String> SPECS =
      List.of(
          "name=node-hello,runtime=nodejs,code=examples/node-hello,handler=index.handler,"
              + "env.GREETING=Hi",
          "name=node-esm,runtime=nodejs,code=examples/node-esm,handler=index.handler",
          "name=python-hello,runtime=python,code=examples/python-hello,handler=app.handler",
          "name=bash-echo,runtime=provided,code=examples/provided-bash,handler=unused,timeout=10s",
          "name=java-hello,runtime=java,code=examples/java-hello/build,"
              + "handler=example.Hello::handleRequest,timeout=15s,memory=256");

  /** Started once, before the blocked-thread guard watches: a cold JVM's first listen is slow. */
  private static Gateway specsGateway;

  /** Where the Java example is compiled, as the docs' javac does into examples/java-hello/build. */
  private static Path javaBuild;

  private Gateway gateway;

  @BeforeAll
  static void hostTheSpecs() throws IOException {
    javaBuild = Files.createTempDirectory("java-hello-build");
    Path source = EXAMPLES.resolve("java-hello/src/example/Hello.java");
    int javac =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", javaBuild.toString(), source.toString());
    assertThat(javac).as("javac of the Java example").isZero();
    String specs =
        String.join(";", SPECS)
            .replace("code=examples/java-hello/build", "code=" + javaBuild)
            .replace("code=examples/", "code=" + EXAMPLES + "/");
    specsGateway = start(Map.of("GATEWAY_FUNCTIONS", specs));
  }

  @AfterAll
  static void stopAll() throws IOException {
    specsGateway.close().await();
    // The runtimes' command lines name the handler (node, python, java) or the bootstrap's path.
    for (String marker :
        List.of(EXAMPLES.toString(), "index.handler", "app.handler", "example.Hello")) {
      assertThat(Processes.descendantsMentioning(marker)).as(marker).isEmpty();
    }
    try (Stream<Path> files = Files.walk(javaBuild)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  @DisplayName("one example per runtime, defined with --function, answers as documented")
  void functionOptionExamples() throws Exception {
    gateway = specsGateway;

    HttpResponse<String> node = invoke("node-hello", "{\"name\":\"Ada\"}");
    assertThat(json(node).path("greeting").asText()).isEqualTo("Hi, Ada!");
    assertThat(json(node).path("functionName").asText()).isEqualTo("node-hello");
    assertThat(json(node).path("memoryLimitInMB").asText()).isEqualTo("128");
    assertThat(tail(node)).contains("hello called for Ada").contains("REPORT RequestId: ");

    HttpResponse<String> esm = invoke("node-esm", "{\"numbers\":[1,2,3.5]}");
    assertThat(json(esm).toString()).isEqualTo("{\"sum\":6.5,\"count\":3}");

    HttpResponse<String> python = invoke("python-hello", "{\"name\":\"Guido\"}");
    assertThat(json(python).path("greeting").asText()).isEqualTo("Hello, Guido!");
    assertThat(json(python).path("remainingMs").asBoolean()).isTrue();
    assertThat(tail(python)).contains("hello called for Guido");

    HttpResponse<String> bash = invoke("bash-echo", "{\"n\":1}");
    assertThat(json(bash).toString()).isEqualTo("{\"function\":\"bash-echo\",\"event\":{\"n\":1}}");
    assertThat(tail(bash)).contains("bootstrap handling ");

    HttpResponse<String> java = invoke("java-hello", "{\"name\":\"Duke\"}");
    assertThat(json(java).toString())
        .isEqualTo("{\"greeting\":\"Hello, Duke!\",\"functionName\":\"java-hello\"}");
    assertThat(tail(java)).contains("hello called for Duke");
  }

  @Test
  @DisplayName("the example SAM template hosts its three functions, Globals applied")
  void templateExample() throws Exception {
    gateway = start(Map.of("GATEWAY_TEMPLATE", EXAMPLES.resolve("template.yaml").toString()));
    try {
      assertTemplateFunctions();
    } finally {
      gateway.close().await();
    }
  }

  private void assertTemplateFunctions() throws Exception {

    assertThat(json(invoke("node-hello", "{\"name\":\"Ada\"}")).path("greeting").asText())
        .isEqualTo("Hi, Ada!");
    JsonNode python = json(invoke("python-hello", "{}"));
    assertThat(python.path("greeting").asText()).isEqualTo("Hello from Python, world!");
    String batch = "{\"Records\":[]}";
    String event = Json.MAPPER.createObjectNode().put("body", batch).toString();
    assertThat(json(invoke("node-enricher", event)).toString()).isEqualTo(batch);
    JsonNode listed = Json.MAPPER.readTree(get("/2015-03-31/functions/node-hello").body());
    assertThat(listed.path("Configuration").path("MemorySize").asInt()).isEqualTo(256);
    assertThat(listed.path("Configuration").path("Timeout").asInt()).isEqualTo(10);
  }

  private static Gateway start(Map<String, String> functions) {
    Map<String, String> settings = new HashMap<>(functions);
    settings.putAll(
        Map.of(
            "GATEWAY_HOST", "127.0.0.1",
            "GATEWAY_PORT", "0",
            "GATEWAY_INSTANCES", "1",
            "ENRICHER_PUBLIC_IP", "203.0.113.7"));
    VertxOptions strict =
        new VertxOptions()
            .setBlockedThreadCheckInterval(50)
            .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
            .setMaxEventLoopExecuteTime(500)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(500)
            .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    return Gateway.start(GatewayConfig.fromSettings(settings), List.of(), strict).await();
  }

  private HttpResponse<String> invoke(String function, String payload) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri("/2015-03-31/functions/" + function + "/invocations"))
                .header("X-Amz-Log-Type", "Tail")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).as(response.body()).isEmpty();
    return response;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  private static String tail(HttpResponse<String> response) {
    String encoded = response.headers().firstValue("X-Amz-Log-Result").orElse("");
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
