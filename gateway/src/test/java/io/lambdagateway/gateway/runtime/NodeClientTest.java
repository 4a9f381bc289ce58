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
import java.util.LinkedHashMap;
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
 * Our Node.js runtime client as a caller sees it: each handler is a function hosted by a real
 * gateway in real node processes, called through the Invoke API (AWS SDK v2 or plain HTTP) and
 * function URLs.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Node.js functions hosted by the gateway, in real node processes")
class NodeClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

  /** Each handler the tests call, with its fixture directory; hosted as function n0, n1, … */
  private static final Map<String, String> FIXTURE_OF_HANDLER = new LinkedHashMap<>();

  static {
    for (String handler :
        List.of(
            "handlers.echoContext",
            "handlers.remainingTwice",
            "handlers.callbackInAsync",
            "handlers.promiseReturning",
            "handlers.callbackLater",
            "esm.handler",
            "esm-pkg/app.handler",
            "handlers.throws",
            "handlers.logs",
            "handlers.clientContext",
            "missing.handler",
            "handlers.nothingHere",
            "handlers.notAFunction",
            "broken.handler",
            "../node-enricher/main.handler",
            "/etc/passwd.handler",
            "nodot")) {
      FIXTURE_OF_HANDLER.put(handler, "nodejs");
    }
    FIXTURE_OF_HANDLER.put("main.handler", "node-enricher");
  }

  private static RuntimeGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() throws URISyntaxException {
    List<FunctionSpec> specs = new ArrayList<>();
    for (String handler : FIXTURE_OF_HANDLER.keySet()) {
      Path codeDir =
          Path.of(
              NodeClientTest.class
                  .getResource("/runtime-fixtures/" + FIXTURE_OF_HANDLER.get(handler))
                  .toURI());
      specs.add(
          new FunctionSpec(
              name(handler),
              FunctionSpec.Runtime.NODEJS,
              codeDir,
              handler,
              TIMEOUT,
              256,
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
    return "n" + List.copyOf(FIXTURE_OF_HANDLER.keySet()).indexOf(handler);
  }

  @Test
  @DisplayName("an async CommonJS handler gets the event and AWS's context fields")
  void asyncHandlerSeesContext() throws Exception {
    String function = name("handlers.echoContext");

    InvokeResponse response = invoke(function, "{\"n\":1}");

    JsonNode answer = json(response);
    assertThat(response.functionError()).isNull();
    assertThat(answer.path("event").path("n").asInt()).isEqualTo(1);
    assertThat(answer.path("awsRequestId").asText())
        .isEqualTo(response.responseMetadata().requestId());
    assertThat(answer.path("functionName").asText()).isEqualTo(function);
    assertThat(answer.path("functionVersion").asText()).isEqualTo("$LATEST");
    assertThat(answer.path("invokedFunctionArn").asText()).isEqualTo(ARN_PREFIX + function);
    assertThat(answer.path("memoryLimitInMB").asText()).isEqualTo("256");
    assertThat(answer.path("logGroupName").asText()).isEqualTo("/aws/lambda/" + function);
    assertThat(answer.path("logStreamName").asText())
        .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
    assertThat(answer.path("callbackWaitsForEmptyEventLoop").asBoolean()).isTrue();
    assertThat(answer.path("remaining").asLong()).isBetween(1L, TIMEOUT.toMillis());
  }

  @Test
  @DisplayName("getRemainingTimeInMillis counts down during the call")
  void remainingTimeDecreases() throws Exception {
    JsonNode answer = json(invoke(name("handlers.remainingTwice"), "{}"));

    assertThat(answer.get(1).asLong()).isLessThanOrEqualTo(answer.get(0).asLong() - 40);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "handlers.callbackInAsync, callback",
    "handlers.promiseReturning, promise",
    "handlers.callbackLater, late callback",
    "esm.handler, esm",
    "esm-pkg/app.handler, esm under type module",
  })
  @DisplayName("each handler style answers, and answers again from the warm environment")
  void handlerStyles(String handler, String via) throws Exception {
    for (int call = 0; call < 2; call++) {
      HttpResponse<String> response = gateway.invoke(name(handler), "{\"call\":" + call + "}");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
      assertThat(Json.MAPPER.readTree(response.body()).path("via").asText()).isEqualTo(via);
      if (call == 1) {
        assertThat(RuntimeGateway.tail(response)).contains("REPORT").doesNotContain("Init");
      }
    }
  }

  @Test
  @DisplayName(
      "a thrown error reaches the caller as AWS's Node runtime formats it: 200 + Unhandled")
  void thrownError() throws Exception {
    InvokeResponse response = invoke(name("handlers.throws"), "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = json(response);
    assertThat(error.path("errorType").asText()).isEqualTo("TypeError");
    assertThat(error.path("errorMessage").asText()).isEqualTo("the event is not what I expected");
    assertThat(error.path("trace").get(0).asText())
        .isEqualTo("TypeError: the event is not what I expected");
    assertThat(error.path("trace").toString()).contains("handlers.js");
  }

  @Test
  @DisplayName("the Tail log holds the handler's console output between START, END and REPORT")
  void tailLogHasConsoleOutput() {
    InvokeResponse response = invoke(name("handlers.logs"), "{\"n\":7}");

    String requestId = response.responseMetadata().requestId();
    String tail =
        new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    assertThat(tail)
        .containsSubsequence(
            "START RequestId: " + requestId,
            "hello from node 7",
            "END RequestId: " + requestId,
            "REPORT RequestId: " + requestId)
        .contains("a warning from node");
    String time = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t";
    assertThat(tail.split("\n"))
        .as("console.* lines carry time, request id and level, as on AWS")
        .anyMatch(line -> line.matches(time + requestId + "\tINFO\thello from node 7"))
        .anyMatch(line -> line.matches(time + requestId + "\tERROR\ta warning from node"))
        .anyMatch(line -> line.matches(time + requestId + "\tWARN\ttwo\rlines"));
  }

  @Test
  @DisplayName("the caller's X-Amz-Client-Context reaches the handler as context.clientContext")
  void clientContextReachesTheHandler() throws Exception {
    String function = name("handlers.clientContext");
    String clientContext = "{\"client\":{\"app_title\":\"demo\"},\"custom\":{\"k\":\"v\"}}";
    String encoded =
        Base64.getEncoder().encodeToString(clientContext.getBytes(StandardCharsets.UTF_8));

    JsonNode with =
        json(
            lambda.invoke(
                b ->
                    b.functionName(function)
                        .clientContext(encoded)
                        .payload(SdkBytes.fromUtf8String("{}"))));
    JsonNode without = json(invoke(function, "{}"));

    assertThat(with.path("clientContext")).isEqualTo(Json.MAPPER.readTree(clientContext));
    assertThat(with.path("identity").asText()).isEqualTo("absent");
    assertThat(without.path("clientContext").asText()).isEqualTo("absent");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "missing.handler, Runtime.ImportModuleError",
    "handlers.nothingHere, Runtime.HandlerNotFound",
    "handlers.notAFunction, Runtime.HandlerNotFound",
    "broken.handler, Runtime.UserCodeSyntaxError",
    "../node-enricher/main.handler, Runtime.MalformedHandlerName",
    "/etc/passwd.handler, Runtime.MalformedHandlerName",
    "nodot, Runtime.MalformedHandlerName",
  })
  @DisplayName("a handler that cannot be loaded: the caller gets the init error, no process stays")
  void initErrors(String handler, String errorType) throws Exception {
    HttpResponse<String> response = gateway.invoke(name(handler), "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    assertThat(Json.MAPPER.readTree(response.body()).path("errorType").asText())
        .isEqualTo(errorType);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Processes.descendantsMentioning("bootstrap.cjs " + handler).isEmpty());
  }

  @Test
  @DisplayName("the public example's Node enricher, unmodified, splits a batch sent to its URL")
  void hostsTheNodeEnricher() throws Exception {
    HttpResponse<String> response = gateway.post("/" + name("main.handler"), enricherBatch());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode record = Json.MAPPER.readTree(response.body()).path("Records").get(0);
    assertThat(record.path("eventID").asText()).isEqualTo("e1");
    assertThat(record.path("result").asText()).isEqualTo("Split");
    JsonNode rows = record.path("cdc_splitted");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("columnvalues").toString())
        .isEqualTo("[\"2024-06-20T10:00:00Z\",\"203.0.113.7\",\"p1\",\"a1\",null]");
    assertThat(rows.get(1).path("columnvalues").get(2).asText()).isEqualTo("p2");
    assertThat(rows.get(1).path("commitTime").asLong()).isEqualTo(7);
  }

  /** A one-record batch for the Node enricher: two rows, the first with an app id. */
  static String enricherBatch() {
    String lines =
        "ts=2024-06-20T10:00:00Z&data=%7B%22payload%22%3A%22p1%22%2C%22appid%22%3A%22a1%22%7D\n"
            + "ts=2024-06-20T10:00:01Z&data=%7B%22payload%22%3A%22p2%22%7D\n";
    String value = Base64.getEncoder().encodeToString(lines.getBytes(StandardCharsets.UTF_8));
    return "{\"Records\":[{\"eventID\":\"e1\",\"eventName\":\"insert\",\"cdc\":{\"commitTime\":7,"
        + "\"columnvalues\":[\"t\",0,0,null,null,\""
        + value
        + "\"]}}]}";
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
}
