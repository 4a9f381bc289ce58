package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** How a hosted function's failures reach the caller: as Lambda reports them. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("A provided-runtime function that fails")
class RuntimeFailuresTest {

  @TempDir Path code;
  private RuntimeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private void host(String init, String handler, Duration timeout) {
    host(init, handler, timeout, RuntimeSettings.defaults());
  }

  private void host(String init, String handler, Duration timeout, RuntimeSettings settings) {
    Bootstrap.write(code, init, handler);
    gateway =
        RuntimeGateway.start(RuntimeGateway.spec(code, timeout, OptionalInt.empty()), settings);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  private static void assertFunctionError(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
  }

  @Test
  @DisplayName("an error posted to /error reaches the caller as posted, 200 + Unhandled")
  void postedError() throws Exception {
    String posted =
        "{\"errorMessage\":\"bad input\",\"errorType\":\"InputError\",\"trace\":[\"at h\"]}";
    host("", "fail InputError '" + posted + "'", Duration.ofSeconds(10));

    HttpResponse<String> response = gateway.invoke("{}");

    assertFunctionError(response);
    assertThat(json(response)).isEqualTo(Json.MAPPER.readTree(posted));
  }

  @Test
  @DisplayName("at the timeout: Sandbox.Timedout, the process is killed, the next call re-inits")
  void timeoutKillsAndReinitialises() throws Exception {
    host(
        "",
        """
          case "$EVENT" in *slow*) sleep 60 ;; esac
          respond "{\\"pid\\":$$}"
        """,
        Duration.ofSeconds(1));
    long firstPid = json(gateway.invoke("{}")).path("pid").asLong();

    HttpResponse<String> slow = gateway.invoke("{\"slow\":true}");

    assertFunctionError(slow);
    assertThat(json(slow).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(json(slow).path("errorMessage").asText())
        .isEqualTo("Task timed out after 1.00 seconds");
    Processes.awaitDead(firstPid);
    HttpResponse<String> after = gateway.invoke("{}");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(json(after).path("pid").asLong()).isNotEqualTo(firstPid);
    assertThat(RuntimeGateway.tail(after)).contains("Init Duration");
  }

  @Test
  @DisplayName("a cold start's init counts neither against the timeout nor in the REPORT Duration")
  void timeoutStartsAfterInit() throws Exception {
    host(
        "sleep 3",
        "respond \"{\\\"left\\\":$((DEADLINE - $(date +%s%3N)))}\"",
        Duration.ofSeconds(2));

    HttpResponse<String> cold = gateway.invoke("{}");

    assertThat(cold.statusCode()).isEqualTo(200);
    assertThat(cold.headers().firstValue("X-Amz-Function-Error")).as(cold.body()).isEmpty();
    assertThat(json(cold).path("left").asLong())
        .as("the deadline the runtime got: its timeout from the end of init")
        .isBetween(500L, 2000L);
    assertThat(RuntimeGateway.tail(cold))
        .containsPattern("Init Duration: [3-9]\\d{3}\\.")
        .as("the REPORT's Duration is the invoke phase only, as on AWS")
        .containsPattern("\tDuration: \\d{1,3}\\.\\d{2} ms");
  }

  @Test
  @DisplayName("an init past the init limit: Sandbox.Timedout and the process is killed")
  void initLimit() throws Exception {
    Path pidFile = code.resolve("pid");
    host(
        "echo $$ > " + pidFile + "; sleep 60",
        "respond '{}'",
        Duration.ofSeconds(30),
        RuntimeSettings.defaults().withInitTimeout(Duration.ofSeconds(1)));

    HttpResponse<String> response = gateway.invoke("{}");

    assertFunctionError(response);
    assertThat(json(response).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(json(response).path("errorMessage").asText())
        .matches("RequestId: [0-9a-f-]{36} Error: init timed out after 1.00 seconds");
    Processes.awaitDead(Long.parseLong(Files.readString(pidFile).strip()));
  }

  @Test
  @DisplayName("a process that exits mid-call: Runtime.ExitError with the exit status")
  void exitMidCall() throws Exception {
    host("", "exit 3", Duration.ofSeconds(10));

    HttpResponse<String> response = gateway.invoke("{}");

    assertFunctionError(response);
    assertThat(json(response).path("errorType").asText()).isEqualTo("Runtime.ExitError");
    assertThat(json(response).path("errorMessage").asText())
        .matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3");
  }

  @Test
  @DisplayName("a process killed by a signal mid-call: Runtime.ExitError naming the signal")
  void killedMidCall() throws Exception {
    host("", "kill -9 $$", Duration.ofSeconds(10));

    HttpResponse<String> response = gateway.invoke("{}");

    assertThat(json(response).path("errorMessage").asText())
        .endsWith("Error: Runtime exited with error: signal: killed");
  }

  @Test
  @DisplayName("an init error posted by the runtime reaches the caller with its error type")
  void initError() throws Exception {
    host(
        """
        curl -sS -o /dev/null -X POST "$API/init/error" \\
          -H "Lambda-Runtime-Function-Error-Type: Runtime.ImportModuleError" \\
          --data-binary '{"errorMessage":"Cannot find module main","errorType":"Runtime.ImportModuleError"}'
        exit 1
        """,
        "respond '{}'",
        Duration.ofSeconds(10));

    HttpResponse<String> response = gateway.invoke("{}");

    assertFunctionError(response);
    assertThat(json(response).path("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
    assertThat(json(response).path("errorMessage").asText()).isEqualTo("Cannot find module main");
  }

  @Test
  @DisplayName("a process that exits before its first /next: Runtime.ExitError")
  void exitDuringInit() throws Exception {
    host("exit 2", "respond '{}'", Duration.ofSeconds(10));

    HttpResponse<String> response = gateway.invoke("{}");

    assertFunctionError(response);
    assertThat(json(response).path("errorMessage").asText())
        .endsWith("Error: Runtime exited with error: exit status 2");
  }

  @Test
  @DisplayName("a response over 6 MiB + 100: 413 to the runtime, Function.ResponseSizeTooLarge")
  void oversizeResponse() throws Exception {
    host(
        "",
        """
          case "$EVENT" in
            *big*)
              head -c 7000000 /dev/zero | tr '\\0' 'a' > "$TMP_DIR/big"
              curl -sS -o "$TMP_DIR/answer" -w '%{http_code}' -H 'Expect:' \\
                -X POST "$API/invocation/$ID/response" --data-binary @"$TMP_DIR/big" \\
                > "$TMP_DIR/status" ;;
            *) respond "{\\"status\\":$(cat "$TMP_DIR/status"),\\"answer\\":$(cat "$TMP_DIR/answer")}" ;;
          esac
        """
            .replace("$TMP_DIR", code.toString()),
        Duration.ofSeconds(20));

    HttpResponse<String> big = gateway.invoke("{\"big\":true}");
    HttpResponse<String> seen = gateway.invoke("{}");

    assertFunctionError(big);
    assertThat(json(big).path("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
    assertThat(json(big).path("errorMessage").asText())
        .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    assertThat(json(seen).path("status").asInt()).isEqualTo(413);
    assertThat(json(seen).path("answer").path("errorType").asText())
        .isEqualTo("RequestEntityTooLarge");
  }

  @Test
  @DisplayName("a flood of output keeps memory bounded: long lines are cut, the call still works")
  void outputFlood() throws Exception {
    host(
        "",
        """
          for i in $(seq 1 3000); do echo "line $i"; done
          head -c 3000000 /dev/zero | tr '\\0' 'x'; echo
          echo "flood done"
          respond '{"ok":true}'
        """,
        Duration.ofSeconds(20));

    HttpResponse<String> response = gateway.invoke("{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("ok").asBoolean()).isTrue();
    assertThat(RuntimeGateway.tail(response))
        .contains(
            "["
                + (3_000_000 - RuntimeSettings.defaults().maxLineBytes())
                + " bytes of this line dropped]")
        .contains("flood done");
  }

  @Test
  @DisplayName(
      "a process that cannot start fails the call with an answer and frees its slot for the next")
  void processStartFailure() throws Exception {
    Path bootstrap = Bootstrap.write(code, "", "respond '{\"ok\":true}'").resolve("bootstrap");
    gateway =
        RuntimeGateway.start(
            RuntimeGateway.spec(code, Duration.ofSeconds(10), OptionalInt.of(1)),
            RuntimeSettings.defaults());
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rw-r--r--"));

    HttpResponse<String> failed = gateway.invoke("{}");
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    HttpResponse<String> next = gateway.invoke("{}");

    assertFunctionError(failed);
    assertThat(json(failed).path("errorType").asText()).isEqualTo("Runtime.InvalidEntrypoint");
    assertThat(json(failed).path("errorMessage").asText()).endsWith("(chmod +x)");
    assertThat(next.statusCode())
        .as("reserved concurrency 1: the slot was released")
        .isEqualTo(200);
    assertThat(json(next).path("ok").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("a function whose bootstrap is missing or not executable fails to register")
  void missingBootstrap() throws Exception {
    assertThatThrownBy(
            () ->
                RuntimeGateway.start(
                    RuntimeGateway.spec(code, Duration.ofSeconds(1), OptionalInt.empty()),
                    RuntimeSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("function custom: runtime provided needs a file " + code.resolve("bootstrap"));
    Files.writeString(code.resolve("bootstrap"), "#!/bin/sh\n");

    assertThatThrownBy(
            () ->
                RuntimeGateway.start(
                    RuntimeGateway.spec(code, Duration.ofSeconds(1), OptionalInt.empty()),
                    RuntimeSettings.defaults()))
        .hasMessageEndingWith("bootstrap is not executable (chmod +x)");
  }
}
