package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.runtime.RuntimeApiStandIn.Posted;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Our Node.js runtime client, in a real node process")
class NodeClientTest {

  private static final NodeLauncher LAUNCHER = NodeLauncher.onPath();

  private final RuntimeApiStandIn api = new RuntimeApiStandIn();
  private ClientProcess client;

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    api.close();
  }

  @Test
  @DisplayName("an async CommonJS handler gets the event and AWS's context fields")
  void asyncHandlerSeesContext() throws Exception {
    start("nodejs", "handlers.echoContext");

    JsonNode answer = response(api.invoke("{\"n\":1}", 3000).get(20, TimeUnit.SECONDS));

    assertThat(answer.path("event").path("n").asInt()).isEqualTo(1);
    assertThat(answer.path("awsRequestId").asText()).isNotEmpty();
    assertThat(answer.path("functionName").asText()).isEqualTo("f");
    assertThat(answer.path("functionVersion").asText()).isEqualTo("$LATEST");
    assertThat(answer.path("invokedFunctionArn").asText()).isEqualTo(RuntimeApiStandIn.ARN);
    assertThat(answer.path("memoryLimitInMB").asText()).isEqualTo("256");
    assertThat(answer.path("logGroupName").asText()).isEqualTo("/aws/lambda/f");
    assertThat(answer.path("logStreamName").asText()).isEqualTo("stream");
    assertThat(answer.path("callbackWaitsForEmptyEventLoop").asBoolean()).isTrue();
    assertThat(answer.path("remaining").asLong()).isBetween(1L, 3000L);
  }

  @Test
  @DisplayName("getRemainingTimeInMillis counts down during the call")
  void remainingTimeDecreases() throws Exception {
    start("nodejs", "handlers.remainingTwice");

    JsonNode answer = response(api.invoke("{}", 3000).get(20, TimeUnit.SECONDS));

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
  @DisplayName("each handler style answers, and keeps answering while warm")
  void handlerStyles(String handler, String via) throws Exception {
    start("nodejs", handler);

    for (int call = 0; call < 2; call++) {
      JsonNode answer =
          response(api.invoke("{\"call\":" + call + "}", 3000).get(20, TimeUnit.SECONDS));
      assertThat(answer.path("via").asText()).isEqualTo(via);
    }
  }

  @Test
  @DisplayName("a thrown error is posted as AWS's Node runtime formats it, type in the header")
  void thrownError() throws Exception {
    start("nodejs", "handlers.throws");

    Posted posted = api.invoke("{}", 3000).get(20, TimeUnit.SECONDS);

    assertThat(posted.kind()).isEqualTo("error");
    assertThat(posted.errorType()).isEqualTo("TypeError");
    JsonNode error = Json.MAPPER.readTree(posted.body());
    assertThat(error.path("errorType").asText()).isEqualTo("TypeError");
    assertThat(error.path("errorMessage").asText()).isEqualTo("the event is not what I expected");
    assertThat(error.path("trace").get(0).asText())
        .isEqualTo("TypeError: the event is not what I expected");
    assertThat(error.path("trace").toString()).contains("handlers.js");
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
  @DisplayName("a handler that cannot be loaded is an init error, then the process exits")
  void initErrors(String handler, String errorType) throws Exception {
    start("nodejs", handler);

    Posted posted = api.initError().get(20, TimeUnit.SECONDS);

    assertThat(posted.errorType()).isEqualTo(errorType);
    assertThat(Json.MAPPER.readTree(posted.body()).path("errorType").asText()).isEqualTo(errorType);
    assertThat(client.awaitExit(20)).isNotZero();
  }

  @Test
  @DisplayName("the public example's Node enricher, unmodified, splits a Transfer batch")
  void hostsTheNodeEnricher() throws Exception {
    start("node-enricher", "main.handler");
    String lines =
        "ts=2024-06-20T10:00:00Z&data=%7B%22payload%22%3A%22p1%22%2C%22appid%22%3A%22a1%22%7D\n"
            + "ts=2024-06-20T10:00:01Z&data=%7B%22payload%22%3A%22p2%22%7D\n";
    String value = Base64.getEncoder().encodeToString(lines.getBytes(StandardCharsets.UTF_8));
    String batch =
        "{\"Records\":[{\"eventID\":\"e1\",\"eventName\":\"insert\",\"cdc\":{\"commitTime\":7,"
            + "\"columnvalues\":[\"t\",0,0,null,null,\""
            + value
            + "\"]}}]}";
    String urlEvent = Json.MAPPER.createObjectNode().put("body", batch).toString();

    JsonNode answer = response(api.invoke(urlEvent, 3000).get(20, TimeUnit.SECONDS));

    JsonNode record = answer.path("Records").get(0);
    assertThat(record.path("eventID").asText()).isEqualTo("e1");
    assertThat(record.path("result").asText()).isEqualTo("Split");
    JsonNode rows = record.path("cdc_splitted");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("columnvalues").toString())
        .isEqualTo("[\"2024-06-20T10:00:00Z\",\"203.0.113.7\",\"p1\",\"a1\",null]");
    assertThat(rows.get(1).path("columnvalues").get(2).asText()).isEqualTo("p2");
    assertThat(rows.get(1).path("commitTime").asLong()).isEqualTo(7);
  }

  private void start(String fixture, String handler) throws URISyntaxException {
    Path codeDir = Path.of(getClass().getResource("/runtime-fixtures/" + fixture).toURI());
    FunctionSpec spec =
        new FunctionSpec(
            "f",
            FunctionSpec.Runtime.NODEJS,
            codeDir,
            handler,
            Duration.ofSeconds(3),
            256,
            OptionalInt.empty(),
            Map.of());
    client = new ClientProcess(LAUNCHER, spec, api.address());
  }

  private JsonNode response(Posted posted) throws Exception {
    assertThat(posted.kind()).as(posted.body()).isEqualTo("response");
    return Json.MAPPER.readTree(posted.body());
  }
}
