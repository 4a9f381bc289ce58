package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.json.Json;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Java functions run by AWS's runtime interface client in real JVMs, hosted by a real gateway and
 * called with the AWS SDK. One gateway for all tests: a JVM's cold start is slow on a busy machine.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("A java-runtime function, end to end")
class JavaRuntimeTest {

  private static final String HANDLERS = "io.lambdagateway.gateway.runtime.javafixture.";

  @TempDir static Path code;
  private static Gateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() throws Exception {
    Path rootClasses = JavaCode.classesAtRoot(Files.createDirectory(code.resolve("root")));
    Path libJar = JavaCode.jarInLib(Files.createDirectory(code.resolve("lib-jar")));
    List<FunctionSpec> functions =
        List.of(
            spec("greeter", rootClasses, HANDLERS + "Greeter::handleRequest", 60),
            spec("shouter", libJar, HANDLERS + "Shouter", 60),
            spec("missing", rootClasses, HANDLERS + "Nowhere::handleRequest", 60),
            spec("sleeper", rootClasses, HANDLERS + "Greeter", 10));
    GatewayConfig config =
        GatewayConfig.fromSettings(
                Map.of(
                    "GATEWAY_HOST", "127.0.0.1",
                    "GATEWAY_PORT", "0",
                    "ENRICHER_PUBLIC_IP", "203.0.113.7"))
            .functions(functions);
    VertxOptions strict =
        new VertxOptions()
            .setBlockedThreadCheckInterval(50)
            .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
            .setMaxEventLoopExecuteTime(500)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(500)
            .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    gateway = Gateway.start(config, List.of(), strict).await();
    lambda =
        LambdaClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(
                UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(90)).build())
            .overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
            .build();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
    if (gateway != null) {
      gateway.close().await();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Processes.descendantsMentioning(JavaLauncher.MAIN_CLASS).isEmpty());
  }

  @Test
  @DisplayName(
      "a RequestHandler answers, a thrown exception is a function error of its class, and the"
          + " warm JVM keeps serving")
  void requestHandler() throws Exception {
    InvokeResponse first = invoke("greeter", "{\"name\":\"Ada\"}");
    InvokeResponse failed = invoke("greeter", "{\"name\":\"Bob\",\"fail\":\"no Bob today\"}");
    InvokeResponse third = invoke("greeter", "{\"name\":\"Cy\"}");

    assertThat(first.functionError()).as(first.payload().asUtf8String()).isNull();
    JsonNode one = json(first);
    assertThat(one.path("greeting").asText()).isEqualTo("hello Ada");
    assertThat(one.path("call").asInt()).isEqualTo(1);
    assertThat(one.path("requestId").asText()).isEqualTo(first.responseMetadata().requestId());
    assertThat(one.path("functionName").asText()).isEqualTo("greeter");
    assertThat(one.path("memoryMb").asInt()).isEqualTo(256);
    assertThat(one.path("remainingMs").asLong()).isBetween(1L, 60_000L);
    assertThat(one.path("maxHeapMb").asLong()).as("-Xmx at 85% of 256 MB").isBetween(150L, 218L);
    assertThat(tail(first))
        .contains("greeting Ada, call 1")
        .containsPattern("REPORT RequestId: .*Init Duration: [0-9.]+ ms");

    assertThat(failed.functionError()).isEqualTo("Unhandled");
    JsonNode error = json(failed);
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("errorMessage").asText()).isEqualTo("no Bob today");
    assertThat(error.path("stackTrace").toString()).contains("Greeter.handleRequest");

    JsonNode three = json(third);
    assertThat(three.path("call").asInt()).as("the same JVM, warm").isEqualTo(3);
    assertThat(three.path("pid").asLong()).isEqualTo(one.path("pid").asLong());
    assertThat(tail(third)).doesNotContain("Init Duration");
  }

  @Test
  @DisplayName("a RequestStreamHandler in lib/*.jar gets the event's bytes and writes the answer")
  void streamHandlerFromLibJar() {
    InvokeResponse response = invoke("shouter", "\"quiet please\"");

    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    assertThat(response.payload().asUtf8String()).isEqualTo("\"QUIET PLEASE\"");
    assertThat(tail(response)).contains("shouting 14 characters");
  }

  @Test
  @DisplayName("a handler class that is not there fails the call as the client reports it")
  void missingHandlerClass() throws Exception {
    InvokeResponse response = invoke("missing", "{}");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = json(response);
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
    assertThat(error.path("errorMessage").asText())
        .isEqualTo("Class not found: " + HANDLERS + "Nowhere");
  }

  @Test
  @DisplayName(
      "at the timeout the caller gets Sandbox.Timedout, the JVM is killed, the next call"
          + " starts a new one")
  void timeout() throws Exception {
    long warmPid = json(invoke("sleeper", "{\"name\":\"Ann\"}")).path("pid").asLong();

    InvokeResponse slow = invoke("sleeper", "{\"name\":\"Ann\",\"sleepMs\":60000}");

    assertThat(slow.functionError()).isEqualTo("Unhandled");
    assertThat(json(slow).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    Processes.awaitDead(warmPid);
    JsonNode next = json(invoke("sleeper", "{\"name\":\"Ann\"}"));
    assertThat(next.path("pid").asLong()).isNotEqualTo(warmPid);
    assertThat(next.path("call").asInt()).isEqualTo(1);
  }

  private static FunctionSpec spec(String name, Path codeDir, String handler, int timeoutSeconds) {
    return new FunctionSpec(
        name,
        FunctionSpec.Runtime.JAVA,
        codeDir,
        handler,
        Duration.ofSeconds(timeoutSeconds),
        256,
        OptionalInt.empty(),
        Map.of("GREETING", "hello"));
  }

  private static InvokeResponse invoke(String function, String payload) {
    return lambda.invoke(
        b ->
            b.functionName(function)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String(payload)));
  }

  private static JsonNode json(InvokeResponse response) throws Exception {
    return Json.MAPPER.readTree(response.payload().asByteArray());
  }

  private static String tail(InvokeResponse response) {
    return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
  }
}
