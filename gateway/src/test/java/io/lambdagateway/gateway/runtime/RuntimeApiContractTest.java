package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.transfer.LambdaLimits;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Runtime API contract of one environment's listener, called with the Vert.x HttpClient the way
 * a runtime calls it: statuses, headers and AWS's JSON bodies.
 */
@DisplayName("The Runtime API contract")
class RuntimeApiContractTest {

  private static final String RUNTIME = "/2018-06-01/runtime";

  private Vertx vertx;
  private RuntimeChannel channel;
  private RuntimeApiServer server;
  private HttpClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    channel = new RuntimeChannel();
    server = RuntimeApiServer.start(vertx, channel).await();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  record Reply(int status, MultiMap headers, String body) {
    JsonNode json() throws IOException {
      return Json.MAPPER.readTree(body);
    }
  }

  private Future<Reply> call(HttpMethod method, String path, Buffer body, String... headers) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setHost("127.0.0.1")
            .setPort(server.port())
            .setURI(RUNTIME + path);
    for (int i = 0; i < headers.length; i += 2) {
      options.addHeader(headers[i], headers[i + 1]);
    }
    return client
        .request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(
            (HttpClientResponse response) ->
                response
                    .body()
                    .map(b -> new Reply(response.statusCode(), response.headers(), b.toString())));
  }

  private Reply await(Future<Reply> reply) {
    return reply.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  private Reply post(String path, String body, String... headers) {
    return await(call(HttpMethod.POST, path, Buffer.buffer(body), headers));
  }

  private static RuntimeEvent event(String id, Buffer payload) {
    return new RuntimeEvent(
        id,
        1_700_000_000_123L,
        "arn:aws:lambda:us-east-1:000000000000:function:f",
        "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0",
        Optional.of("{\"custom\":{\"k\":\"v\"}}"),
        Optional.empty(),
        payload);
  }

  /** Dispatches {@code id} and takes it with {@code /next}, as a runtime would. */
  private Future<Buffer> running(String id) {
    Future<Buffer> result = channel.dispatch(event(id, Buffer.buffer("{\"n\":1}")));
    Reply next = await(call(HttpMethod.GET, "/invocation/next", null));
    assertThat(next.status()).isEqualTo(200);
    return result;
  }

  @Test
  @DisplayName("/next long-polls until an event, then returns it with the Lambda-Runtime headers")
  void nextDeliversTheEvent() {
    Future<Reply> next = call(HttpMethod.GET, "/invocation/next", null);
    vertx.setTimer(200, t -> channel.dispatch(event("req-1", Buffer.buffer("{\"n\":1}"))));

    Reply reply = await(next);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"n\":1}");
    assertThat(reply.headers().get("Lambda-Runtime-Aws-Request-Id")).isEqualTo("req-1");
    assertThat(reply.headers().get("Lambda-Runtime-Deadline-Ms")).isEqualTo("1700000000123");
    assertThat(reply.headers().get("Lambda-Runtime-Invoked-Function-Arn"))
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:f");
    assertThat(reply.headers().get("Lambda-Runtime-Trace-Id")).startsWith("Root=1-");
    assertThat(reply.headers().get("Lambda-Runtime-Client-Context"))
        .isEqualTo("{\"custom\":{\"k\":\"v\"}}");
    assertThat(reply.headers().contains("Lambda-Runtime-Cognito-Identity")).isFalse();
    assertThat(channel.initialized().succeeded()).isTrue();
  }

  @Test
  @DisplayName("a response is accepted with 202 {\"status\":\"OK\"} and becomes the call's result")
  void responseCompletesTheCall() throws Exception {
    Future<Buffer> result = running("req-1");

    Reply reply = post("/invocation/req-1/response", "{\"ok\":true}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json()).isEqualTo(Json.MAPPER.readTree("{\"status\":\"OK\"}"));
    assertThat(result.await().toString()).isEqualTo("{\"ok\":true}");
  }

  @Test
  @DisplayName("an error post fails the call with the posted body, typed by the header")
  void errorFailsTheCall() throws Exception {
    Future<Buffer> result = running("req-1");
    String posted = "{\"errorMessage\":\"boom\",\"errorType\":\"Error\",\"trace\":[\"at x\"]}";

    Reply reply =
        post(
            "/invocation/req-1/error",
            posted,
            RuntimeApiServer.ERROR_TYPE_HEADER,
            "Runtime.UserCodeSyntaxError");

    assertThat(reply.status()).isEqualTo(202);
    FunctionError error =
        (FunctionError)
            result.toCompletionStage().handle((ok, e) -> e).toCompletableFuture().join();
    assertThat(error.errorType()).isEqualTo("Runtime.UserCodeSyntaxError");
    assertThat(error.toJson()).isEqualTo(Json.MAPPER.readTree(posted));
  }

  @Test
  @DisplayName("a response over 6 MiB + 100 bytes: 413 RequestEntityTooLarge to the runtime")
  void oversizeResponse() throws Exception {
    Future<Buffer> result = running("req-1");
    Buffer big = Buffer.buffer(new byte[LambdaLimits.MAX_RESPONSE_BYTES + 1]);

    Reply reply = await(call(HttpMethod.POST, "/invocation/req-1/response", big));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\","
                    + "\"errorType\":\"RequestEntityTooLarge\"}"));
    FunctionError error =
        (FunctionError)
            result.toCompletionStage().handle((ok, e) -> e).toCompletableFuture().join();
    assertThat(error.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
  }

  @Test
  @DisplayName("a response of exactly 6 MiB + 100 bytes is accepted")
  void responseAtTheLimit() {
    Future<Buffer> result = running("req-1");

    Reply reply =
        await(
            call(
                HttpMethod.POST,
                "/invocation/req-1/response",
                Buffer.buffer(new byte[LambdaLimits.MAX_RESPONSE_BYTES])));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(result.await().length()).isEqualTo(LambdaLimits.MAX_RESPONSE_BYTES);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            "a response for another request id",
            "/invocation/other/response",
            400,
            "InvalidRequestID",
            "Invalid request ID"),
        Arguments.of(
            "an error for another request id",
            "/invocation/other/error",
            400,
            "InvalidRequestID",
            "Invalid request ID"),
        Arguments.of(
            "an init error after init",
            "/init/error",
            403,
            "InvalidStateTransition",
            "State transition from Running to InitError failed for runtime. Error: State transition is not allowed"));
  }

  @ParameterizedTest(name = "{0}: {2} {3}")
  @MethodSource("refusals")
  @DisplayName("while a call runs, a wrong request id or state is refused as AWS refuses it")
  void refusedWhileRunning(String what, String path, int status, String type, String message)
      throws Exception {
    running("req-1");

    Reply reply = post(path, "{}");

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.json().path("errorType").asText()).isEqualTo(type);
    assertThat(reply.json().path("errorMessage").asText()).isEqualTo(message);
  }

  @Test
  @DisplayName("a second response for the same id: 403 InvalidStateTransition")
  void secondResponse() throws Exception {
    running("req-1");
    assertThat(post("/invocation/req-1/response", "1").status()).isEqualTo(202);

    Reply again = post("/invocation/req-1/response", "2");

    assertThat(again.status()).isEqualTo(403);
    assertThat(again.json().path("errorType").asText()).isEqualTo("InvalidStateTransition");
    assertThat(again.json().path("errorMessage").asText())
        .isEqualTo(
            "State transition from RuntimeResponseSentState to InvocationResponse failed for"
                + " runtime. Error: State transition is not allowed");
  }

  @Test
  @DisplayName("a response when nothing is outstanding: 403 InvalidStateTransition")
  void responseWithNothingOutstanding() throws Exception {
    Reply reply = post("/invocation/req-1/response", "1");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("errorType").asText()).isEqualTo("InvalidStateTransition");
  }

  @Test
  @DisplayName("an init error before the first /next is accepted and fails the waiting call")
  void initError() throws Exception {
    Future<Buffer> waiting = channel.dispatch(event("req-1", Buffer.buffer("{}")));

    Reply reply =
        post(
            "/init/error",
            "{\"errorMessage\":\"Cannot find module 'main'\",\"errorType\":\"Runtime.ImportModuleError\"}",
            RuntimeApiServer.ERROR_TYPE_HEADER,
            "Runtime.ImportModuleError");

    assertThat(reply.status()).isEqualTo(202);
    FunctionError error =
        (FunctionError)
            waiting.toCompletionStage().handle((ok, e) -> e).toCompletableFuture().join();
    assertThat(error.errorType()).isEqualTo("Runtime.ImportModuleError");
    assertThat(error.errorMessage()).isEqualTo("Cannot find module 'main'");
  }

  @Test
  @DisplayName("an unknown path is 404 with a JSON error")
  void unknownPath() {
    Reply reply = await(call(HttpMethod.GET, "/nothing/here", null));

    assertThat(reply.status()).isEqualTo(404);
  }
}
