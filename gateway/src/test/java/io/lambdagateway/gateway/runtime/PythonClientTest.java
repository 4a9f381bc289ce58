package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.runtime.RuntimeApiStandIn.Posted;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Our Python runtime client, in a real python3 process")
class PythonClientTest {

  private static final PythonLauncher LAUNCHER = PythonLauncher.onPath();

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
  @DisplayName("a handler gets the event and AWS's context fields, and keeps answering while warm")
  void handlerSeesContext() throws Exception {
    start("handlers.echo_context");

    for (int call = 0; call < 2; call++) {
      Posted posted = api.invoke("{\"n\":" + call + "}", 3000).get(20, TimeUnit.SECONDS);
      assertThat(posted.kind()).as(posted.body()).isEqualTo("response");
      JsonNode answer = Json.MAPPER.readTree(posted.body());
      assertThat(answer.path("event").path("n").asInt()).isEqualTo(call);
      assertThat(answer.path("aws_request_id").asText()).isNotEmpty();
      assertThat(answer.path("function_name").asText()).isEqualTo("f");
      assertThat(answer.path("memory_limit_in_mb").asText()).isEqualTo("128");
      assertThat(answer.path("invoked_function_arn").asText()).isEqualTo(RuntimeApiStandIn.ARN);
      assertThat(answer.path("log_group_name").asText()).isEqualTo("/aws/lambda/f");
      assertThat(answer.path("log_stream_name").asText()).isEqualTo("stream");
      assertThat(answer.path("remaining").asLong()).isBetween(1L, 3000L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pkg.mod.handler", "pkg/mod.handler"})
  @DisplayName("a handler in a package is found with dots or slashes")
  void packageHandler(String handler) throws Exception {
    start(handler);

    Posted posted = api.invoke("{}", 3000).get(20, TimeUnit.SECONDS);

    assertThat(Json.MAPPER.readTree(posted.body()).path("via").asText()).isEqualTo("pkg.mod");
  }

  @Test
  @DisplayName("a raised exception is posted as AWS's Python runtime formats it")
  void raisedError() throws Exception {
    start("handlers.fails");

    Posted posted = api.invoke("{}", 3000).get(20, TimeUnit.SECONDS);

    assertThat(posted.kind()).isEqualTo("error");
    assertThat(posted.errorType()).isEqualTo("ValueError");
    JsonNode error = Json.MAPPER.readTree(posted.body());
    assertThat(error.path("errorType").asText()).isEqualTo("ValueError");
    assertThat(error.path("errorMessage").asText()).isEqualTo("the event is not what I expected");
    assertThat(error.path("requestId").asText()).isNotEmpty();
    assertThat(error.path("stackTrace")).hasSize(1);
    assertThat(error.path("stackTrace").get(0).asText()).contains("handlers.py", "in fails");
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
  @DisplayName("a handler that cannot be loaded is an init error, then the process exits")
  void initErrors(String handler, String errorType) throws Exception {
    start(handler);

    Posted posted = api.initError().get(20, TimeUnit.SECONDS);

    assertThat(posted.errorType()).isEqualTo(errorType);
    JsonNode error = Json.MAPPER.readTree(posted.body());
    assertThat(error.path("errorType").asText()).isEqualTo(errorType);
    assertThat(error.has("stackTrace")).isTrue();
    assertThat(client.awaitExit(20)).isNotZero();
  }

  private void start(String handler) throws URISyntaxException {
    Path codeDir = Path.of(getClass().getResource("/runtime-fixtures/python").toURI());
    FunctionSpec spec =
        new FunctionSpec(
            "f",
            FunctionSpec.Runtime.PYTHON,
            codeDir,
            handler,
            Duration.ofSeconds(3),
            128,
            OptionalInt.empty(),
            Map.of());
    client = new ClientProcess(LAUNCHER, spec, api.address());
  }
}
