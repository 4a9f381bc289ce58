package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node functions hosted under AWS's own runtime interface client (the {@code aws-lambda-ric} npm
 * package) instead of ours: the gateway's Runtime API must be what that client expects, and what
 * callers see must be the same as with our client.
 *
 * <p>The package builds native code when installed, so it comes from {@code .ci/aws-lambda-ric.sh}
 * (which CI runs) through {@value #RIC_DIR}, the directory holding its {@code node_modules}.
 * Without that variable the test is skipped, unless {@value #REQUIRE_RIC} is {@code true} (as in
 * CI): then it fails.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Node.js functions hosted under AWS's aws-lambda-ric npm package")
class AwsNodeRicTest {

  static final String RIC_DIR = "LAMBDA_GATEWAY_AWS_RIC_DIR";
  static final String REQUIRE_RIC = "LAMBDA_GATEWAY_REQUIRE_AWS_RIC";

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String ECHO = "ric-echo";
  private static final String LOGS = "ric-logs";
  private static final String THROWS = "ric-throws";
  private static final String ENRICHER_UNDER_RIC = "ric-enricher";
  private static final String ENRICHER_UNDER_OURS = "our-enricher";

  @TempDir static Path codeRoot;

  private static RuntimeGateway gateway;

  @BeforeAll
  static void start() throws IOException, URISyntaxException {
    Path nodeModules = installedRic();
    Path handlers = codeDirWithRic("nodejs", nodeModules);
    Path enricher = codeDirWithRic("node-enricher", nodeModules);
    gateway =
        RuntimeGateway.start(
            List.of(
                spec(ECHO, handlers, "handlers.echoContext", true),
                spec(LOGS, handlers, "handlers.logs", true),
                spec(THROWS, handlers, "handlers.throws", true),
                spec(ENRICHER_UNDER_RIC, enricher, "main.handler", true),
                spec(ENRICHER_UNDER_OURS, fixture("node-enricher"), "main.handler", false)),
            RuntimeSettings.defaults());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  @DisplayName("the handler gets the event and the request id; the environment is reused warm")
  void answersWithContext() throws IOException {
    for (int call = 0; call < 2; call++) {
      HttpResponse<String> response = gateway.invoke(ECHO, "{\"n\":" + call + "}");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
      JsonNode answer = Json.MAPPER.readTree(response.body());
      assertThat(answer.path("event").path("n").asInt()).isEqualTo(call);
      assertThat(answer.path("awsRequestId").asText())
          .isEqualTo(response.headers().firstValue("X-Amzn-RequestId").orElseThrow());
      assertThat(answer.path("functionName").asText()).isEqualTo(ECHO);
      assertThat(answer.path("memoryLimitInMB").asText()).isEqualTo("256");
      String tail = RuntimeGateway.tail(response);
      if (call == 0) {
        assertThat(tail).contains("Init Duration");
      } else {
        assertThat(tail).contains("REPORT").doesNotContain("Init Duration");
      }
    }
  }

  @Test
  @DisplayName("console lines have the same shape under AWS's client as under ours")
  void consoleLinesMatchOurs() {
    HttpResponse<String> response = gateway.invoke(LOGS, "{\"n\":7}");

    String requestId = response.headers().firstValue("X-Amzn-RequestId").orElseThrow();
    String time = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t";
    assertThat(RuntimeGateway.tail(response).split("\n"))
        .anyMatch(line -> line.matches(time + requestId + "\tINFO\thello from node 7"))
        .anyMatch(line -> line.matches(time + requestId + "\tERROR\ta warning from node"))
        .anyMatch(line -> line.matches(time + requestId + "\tWARN\ttwo\rlines"));
  }

  @Test
  @DisplayName("a thrown error is 200 + Unhandled with the error's type and message")
  void thrownError() throws IOException {
    HttpResponse<String> response = gateway.invoke(THROWS, "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    JsonNode error = Json.MAPPER.readTree(response.body());
    assertThat(error.path("errorType").asText()).isEqualTo("TypeError");
    assertThat(error.path("errorMessage").asText()).isEqualTo("the event is not what I expected");
  }

  @Test
  @DisplayName("the public example's Node enricher answers the same under AWS's client and ours")
  void enricherAnswersAlike() throws IOException {
    String batch = NodeClientTest.enricherBatch();

    HttpResponse<String> underRic = gateway.post("/" + ENRICHER_UNDER_RIC, batch);
    HttpResponse<String> underOurs = gateway.post("/" + ENRICHER_UNDER_OURS, batch);

    assertThat(underRic.statusCode()).as(underRic.body()).isEqualTo(200);
    JsonNode answer = Json.MAPPER.readTree(underRic.body());
    assertThat(answer.path("Records").get(0).path("cdc_splitted")).hasSize(2);
    assertThat(answer).isEqualTo(Json.MAPPER.readTree(underOurs.body()));
  }

  /** The installed package's {@code node_modules}, or the test is skipped (or fails in CI). */
  private static Path installedRic() {
    String dir = System.getenv(RIC_DIR);
    boolean required = "true".equals(System.getenv(REQUIRE_RIC));
    if (dir == null || dir.isBlank()) {
      if (required) {
        fail(REQUIRE_RIC + "=true but " + RIC_DIR + " is unset: run .ci/aws-lambda-ric.sh");
      }
      assumeTrue(false, RIC_DIR + " is unset: run .ci/aws-lambda-ric.sh and export it");
    }
    Path nodeModules = Path.of(dir, "node_modules");
    if (!Files.isRegularFile(nodeModules.resolve("aws-lambda-ric/package.json"))) {
      fail(RIC_DIR + "=" + dir + " holds no node_modules/aws-lambda-ric");
    }
    return nodeModules;
  }

  /** A copy of a fixture directory whose node_modules is the installed package's. */
  private static Path codeDirWithRic(String fixture, Path nodeModules)
      throws IOException, URISyntaxException {
    Path source = fixture(fixture);
    Path target = codeRoot.resolve(fixture);
    try (Stream<Path> files = Files.walk(source)) {
      files.forEach(file -> copy(file, target.resolve(source.relativize(file).toString())));
    }
    Files.createSymbolicLink(target.resolve("node_modules"), nodeModules);
    return target;
  }

  private static void copy(Path from, Path to) {
    try {
      if (Files.isDirectory(from)) {
        Files.createDirectories(to);
      } else {
        Files.copy(from, to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(AwsNodeRicTest.class.getResource("/runtime-fixtures/" + name).toURI());
  }

  private static FunctionSpec spec(String name, Path codeDir, String handler, boolean awsRic) {
    return new FunctionSpec(
        name,
        FunctionSpec.Runtime.NODEJS,
        codeDir,
        handler,
        TIMEOUT,
        256,
        OptionalInt.empty(),
        awsRic ? Map.of(NodeLauncher.RIC_SWITCH, NodeLauncher.AWS_RIC) : Map.of());
  }
}
