package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.app.Main;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No orphans, as the issue states it: the gateway runs as a JVM of its own (this test's class path,
 * the launcher's {@code gateway} subcommand, a {@code --function}), a slow hosted function is busy
 * in its execution environment, the gateway gets SIGTERM, and afterwards no process of that
 * environment is alive.
 */
@DisplayName("A gateway stopped by SIGTERM")
class GatewayOrphanTest {

  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

  /** A custom runtime (bash + curl) whose handler signals it is busy, then sleeps for long. */
  private static final String BOOTSTRAP =
      """
      #!/bin/bash
      API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
      while true; do
        curl -sS -o /dev/null "$API/invocation/next"
        touch "$BUSY_FILE"
        sleep 300
      done
      """;

  @TempDir Path work;
  private Process gateway;
  private List<ProcessHandle> environment = List.of();

  @AfterEach
  void cleanUp() throws InterruptedException {
    // whatever the outcome, this test leaves nothing running
    environment.forEach(ProcessHandle::destroyForcibly);
    if (gateway != null && gateway.isAlive()) {
      gateway.destroyForcibly();
      gateway.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  @DisplayName("stops the runtime process of a busy environment and everything it started")
  void leavesNoRuntimeProcessBehind() throws Exception {
    Path code = Files.createDirectory(work.resolve("code"));
    Path bootstrap = Files.writeString(code.resolve("bootstrap"), BOOTSTRAP);
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path busy = work.resolve("busy");
    gateway = startGateway(code, busy);
    int port = awaitPort();

    HttpResponse<String> queued = invokeAsync(port);
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(busy));
    environment = gateway.toHandle().descendants().filter(ProcessHandle::isAlive).toList();
    assertThat(environment)
        .as("the runtime process and its sleep")
        .anySatisfy(p -> assertThat(commandLine(p)).contains(bootstrap.toString()))
        .anySatisfy(p -> assertThat(commandLine(p)).contains("sleep"));

    gateway.destroy(); // SIGTERM
    assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(environment)
                    .as("processes of the environment still alive")
                    .noneMatch(ProcessHandle::isAlive));
  }

  private Process startGateway(Path code, Path busy) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "gateway",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--instances",
            "1",
            "--shutdown-grace",
            "1s",
            "--enricher-public-ip",
            "203.0.113.7",
            "--function",
            "name=slow,runtime=provided,code="
                + code
                + ",handler=unused.handler,timeout=300s,env.BUSY_FILE="
                + busy);
    builder.redirectOutput(work.resolve("gateway.stdout.log").toFile());
    builder.redirectError(work.resolve("gateway.stderr.log").toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("GATEWAY_"));
    return builder.start();
  }

  /** The port from the gateway's banner. */
  private int awaitPort() {
    Path stdout = work.resolve("gateway.stdout.log");
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              if (!gateway.isAlive()) {
                throw new AssertionError(
                    "gateway exited: " + Files.readString(work.resolve("gateway.stderr.log")));
              }
              Matcher m = LISTENING.matcher(Files.readString(stdout));
              return m.find()
                  ? Optional.of(Integer.parseInt(m.group(1)))
                  : Optional.<Integer>empty();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private static HttpResponse<String> invokeAsync(int port) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/slow/invocations"))
            .header("X-Amz-Invocation-Type", "Event")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }
}
