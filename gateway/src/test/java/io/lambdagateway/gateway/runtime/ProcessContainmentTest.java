package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a handler starts does not outlive its environment: a runaway handler that keeps forking is
 * killed at its timeout with everything it started, what a crashed runtime left running is killed,
 * and so is a child that escaped into a session of its own. The handlers are bounded (a few dozen
 * processes, each ending on its own within seconds) so that a failure of this test cannot harm the
 * machine.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Processes a hosted function starts")
class ProcessContainmentTest {

  /**
   * A chain of 20 background subshells, each starting the next and then forking a short sleep 60
   * times in a row (so about 6 s each), all pids into {@code pids}.
   */
  private static final String RUNAWAY =
      """
        link() {
          echo "$BASHPID" >> "$DIR/pids"
          if [ "$1" -lt 20 ]; then link $(( $1 + 1 )) & fi
          for i in $(seq 1 60); do sleep 0.1 & echo "$!" >> "$DIR/pids"; wait $!; done
        }
        case "$EVENT" in
          *runaway*) link 1 & sleep 30 ;;
          *) respond "{\\"pid\\":$$}" ;;
        esac
      """;

  @TempDir Path code;
  private RuntimeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private void host(String handler, Duration timeout) {
    Bootstrap.write(code, "DIR=" + code, handler);
    gateway =
        RuntimeGateway.start(
            RuntimeGateway.spec(code, timeout, OptionalInt.empty()), RuntimeSettings.defaults());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  private List<Long> pidsIn(String file) throws IOException {
    return Files.readAllLines(code.resolve(file)).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(Long::parseLong)
        .toList();
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessTable::running).orElse(false);
  }

  @Test
  @DisplayName(
      "a runaway handler forking a chain of subshells is killed at its timeout with its whole"
          + " process group")
  void runawayHandler() throws Exception {
    host(RUNAWAY, Duration.ofSeconds(2));
    long runtime = json(gateway.invoke("{}")).path("pid").asLong();
    assertThat(ProcessTable.groupOf(runtime))
        .as("the runtime leads a process group of its own")
        .hasValue(runtime);

    HttpResponse<String> runaway = gateway.invoke("{\"runaway\":true}");

    assertThat(json(runaway).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    List<Long> started = pidsIn("pids");
    // a chain of links and their sleeps; how long it grew in 2 s depends on the machine's load
    assertThat(started).as("the handler had forked a chain").hasSizeGreaterThan(3);
    // each link would live about 6 s on its own: gone within 2 s means killed
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              assertThat(pidsIn("pids")).noneMatch(ProcessContainmentTest::running);
              // the group's members only: a marker no process has
              assertThat(ProcessTable.members(OptionalLong.of(runtime), "NO_SUCH=marker"))
                  .isEmpty();
            });
  }

  @Test
  @DisplayName("what a runtime left running in the background is killed when it exits")
  void leftoversOfAnExit() throws Exception {
    host(
        """
          sleep 30 & echo "$!" > "$DIR/leftover"
          exit 3
        """,
        Duration.ofSeconds(10));

    HttpResponse<String> response = gateway.invoke("{}");

    assertThat(json(response).path("errorType").asText()).isEqualTo("Runtime.ExitError");
    long leftover = pidsIn("leftover").get(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> !running(leftover));
  }

  @Test
  @DisplayName(
      "a child that double-forked into a session of its own (out of group and tree) is found by"
          + " its environment's marker and stopped with it")
  void escapedChild() throws Exception {
    host(
        """
          ( setsid sleep 30 < /dev/null > /dev/null 2>&1 & echo "$!" > "$DIR/escaped" )
          respond "{\\"pid\\":$$}"
        """,
        Duration.ofSeconds(10));
    long runtime = json(gateway.invoke("{}")).path("pid").asLong();
    long escaped = pidsIn("escaped").get(0);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                ProcessTable.groupOf(escaped).isPresent()
                    && ProcessTable.groupOf(escaped).getAsLong() == escaped);
    assertThat(running(escaped)).isTrue();
    assertThat(ProcessHandle.of(runtime).orElseThrow().descendants().map(ProcessHandle::pid))
        .as("re-parented away from the runtime")
        .doesNotContain(escaped);

    gateway.close();
    gateway = null;

    await().atMost(Duration.ofSeconds(5)).until(() -> !running(escaped));
  }
}
