package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Our Python runtime client as a caller sees it: each handler is a function hosted by a real
 * gateway in real python3 processes, called through the Invoke API (AWS SDK v2 or plain HTTP) and
 * function URLs.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Python functions hosted by the gateway, in real python3 processes")
class PythonClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

  /** Each handler the tests call, hosted as function p0, p1, … */
  private static final List<String> HANDLERS =
      List.of(
          "handlers.echo_context",
          "pkg.mod.handler",
          "pkg/mod.handler",
          "handlers.fails",
          "handlers.logs",
          "missing.handler",
          "handlers.nothing_here",
          "handlers.not_a_function",
          "broken.handler",
          "../nodejs/handlers.handler",
          "/etc/passwd.handler",
          "nodot");

  private static RuntimeGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() throws URISyntaxException {
    Path codeDir = Path.of(PythonClientTest.class.getResource("/runtime-fixtures/python").toURI());
    List<FunctionSpec> specs = new ArrayList<>();
    for (String handler : HANDLERS) {
      specs.add(
          new FunctionSpec(
              name(handler),
              FunctionSpec.Runtime.PYTHON,
              codeDir,
              handler,
              TIMEOUT,
              128,
              OptionalInt.empty(),
              Map.of()));
    }
    gateway = RuntimeGateway.start(specs, RuntimeSettings.defaults());
    lambda = gateway.lambda();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String name(String handler) {
    return "p" + HANDLERS.indexOf(handler);
  }

  @Test
  @DisplayName("a handler gets the event and AWS's context fields, and answers again while warm")
  void handlerSeesContext() throws Exception {
    String function = name("handlers.echo_context");

    for (int call = 0; call < 2; call++) {
      InvokeResponse response = invoke(function, "{\"n\":" + call + "}");
      assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
      JsonNode answer = json(response);
      assertThat(answer.path("event").path("n").asInt()).isEqualTo(call);
      assertThat(answer.path("aws_request_id").asText())
          .isEqualTo(response.responseMetadata().requestId());
      assertThat(answer.path("function_name").asText()).isEqualTo(function);
      assertThat(answer.path("memory_limit_in_mb").asText()).isEqualTo("128");
      assertThat(answer.path("invoked_function_arn").asText()).isEqualTo(ARN_PREFIX + function);
      assertThat(answer.path("log_group_name").asText()).isEqualTo("/aws/lambda/" + function);
      assertThat(answer.path("log_stream_name").asText())
          .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
      assertThat(answer.path("remaining").asLong()).isBetween(1L, TIMEOUT.toMillis());
      if (call == 1) {
        assertThat(tail(response)).contains("REPORT").doesNotContain("Init");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pkg.mod.handler", "pkg/mod.handler"})
  @DisplayName("a handler in a package is found with dots or slashes, also through its URL")
  void packageHandler(String handler) throws Exception {
    HttpResponse<String> invoked = gateway.invoke(name(handler), "{}");
    HttpResponse<String> viaUrl = gateway.post("/" + name(handler), "{\"from\":\"url\"}");

    assertThat(Json.MAPPER.readTree(invoked.body()).path("via").asText()).isEqualTo("pkg.mod");
    assertThat(viaUrl.statusCode()).isEqualTo(200);
    JsonNode urlAnswer = Json.MAPPER.readTree(viaUrl.body());
    assertThat(urlAnswer.path("via").asText()).isEqualTo("pkg.mod");
    assertThat(urlAnswer.path("event").path("body").asText()).isEqualTo("{\"from\":\"url\"}");
  }

  @Test
  @DisplayName("a raised exception reaches the caller as AWS's Python runtime formats it")
  void raisedError() throws Exception {
    InvokeResponse response = invoke(name("handlers.fails"), "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = json(response);
    assertThat(error.path("errorType").asText()).isEqualTo("ValueError");
    assertThat(error.path("errorMessage").asText()).isEqualTo("the event is not what I expected");
    assertThat(error.path("requestId").asText()).isEqualTo(response.responseMetadata().requestId());
    assertThat(error.path("stackTrace")).hasSize(1);
    assertThat(error.path("stackTrace").get(0).asText()).contains("handlers.py", "in fails");
  }

  @Test
  @DisplayName("the Tail log holds what the handler prints between START, END and REPORT")
  void tailLogHasPrintedOutput() {
    InvokeResponse response = invoke(name("handlers.logs"), "{\"n\":7}");

    String requestId = response.responseMetadata().requestId();
    assertThat(tail(response))
        .containsSubsequence(
            "START RequestId: " + requestId,
            "hello from python 7",
            "END RequestId: " + requestId,
            "REPORT RequestId: " + requestId);
    String time = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t";
    assertThat(tail(response).split("\n"))
        .as("print() stays bare; logging records carry level, time and request id, as on AWS")
        .contains("hello from python 7")
        .anyMatch(line -> line.matches("\\[WARNING]\t" + time + requestId + "\ttwo\rlines"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "missing.handler, Runtime.ImportModuleError",
    "handlers.nothing_here, Runtime.HandlerNotFound",
    "handlers.not_a_function, Runtime.HandlerNotFound",
    "broken.handler, Runtime.UserCodeSyntaxError",
    "../nodejs/handlers.handler, Runtime.MalformedHandlerName",
    "/etc/passwd.handler, Runtime.MalformedHandlerName",
    "nodot, Runtime.MalformedHandlerName",
  })
  @DisplayName("a handler that cannot be loaded: the caller gets the init error, no process stays")
  void initErrors(String handler, String errorType) throws Exception {
    HttpResponse<String> response = gateway.invoke(name(handler), "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    JsonNode error = Json.MAPPER.readTree(response.body());
    assertThat(error.path("errorType").asText()).isEqualTo(errorType);
    assertThat(error.has("stackTrace")).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Processes.descendantsMentioning("bootstrap.py " + handler).isEmpty());
  }

  private static InvokeResponse invoke(String function, String payload) {
    return lambda.invoke(
        b ->
            b.functionName(function)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String(payload)));
  }

  private static JsonNode json(InvokeResponse response) throws IOException {
    return Json.MAPPER.readTree(response.payload().asByteArray());
  }

  private static String tail(InvokeResponse response) {
    return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
  }
}
