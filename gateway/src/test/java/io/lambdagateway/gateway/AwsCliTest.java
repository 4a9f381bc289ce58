package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AWS CLI ({@code aws}, v1 or v2) against the gateway: the read calls it makes and its Lambda
 * waiters, on the built-in enricher and on a Node.js function hosted from {@code examples/}.
 *
 * <p>Without {@code aws} on the PATH the test is skipped, loudly, unless {@value #REQUIRE_CLI} is
 * {@code true} (as in CI, see .ci/run): then it fails.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The AWS CLI against the gateway: read calls and the function waiters")
class AwsCliTest {

  static final String REQUIRE_CLI = "LAMBDA_GATEWAY_REQUIRE_AWS_CLI";

  /**
   * Bound of one call; a call takes ~1 s, but ~10 s on a machine loaded 10-fold, and the calls of a
   * test run at once. A waiter whose condition never holds would poll for minutes.
   */
  private static final long CALL_TIMEOUT_SECONDS = 120;

  private static TestGateway gateway;
  private static Path aws;
  private static Path emptyConfig;

  @BeforeAll
  static void start() throws IOException {
    aws = awsCli();
    emptyConfig = Files.createTempFile("aws-config", "");
    gateway = TestGateway.start(Map.of("GATEWAY_FUNCTIONS", LambdaReadApiSdkTest.NODE_HELLO));
  }

  @AfterAll
  static void stop() throws IOException {
    if (emptyConfig != null) {
      Files.delete(emptyConfig);
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  @DisplayName("get-function-configuration and list-functions --max-items / --page-size")
  void readCalls() throws Exception {
    Map<String, Process> calls = new LinkedHashMap<>();
    calls.put("config", run("get-function-configuration", "--function-name", "node-hello"));
    calls.put("first two", run("list-functions", "--max-items", "2"));
    calls.put("paged by one", run("list-functions", "--page-size", "1"));

    JsonNode config = Http.json(output(calls.get("config")));
    JsonNode firstTwo = Http.json(output(calls.get("first two")));
    JsonNode pagedByOne = Http.json(output(calls.get("paged by one")));

    assertThat(config.get("Handler").asText()).isEqualTo("index.handler");
    assertThat(config.get("State").asText()).isEqualTo("Active");
    assertThat(config.at("/Environment/Variables/GREETING").asText()).isEqualTo("Hi");
    assertThat(firstTwo.get("Functions").findValuesAsText("FunctionName"))
        .containsExactly("enricher", "probe");
    assertThat(firstTwo.get("NextToken").asText()).isNotBlank();
    assertThat(pagedByOne.get("Functions").findValuesAsText("FunctionName"))
        .containsExactly("enricher", "probe", "blocking", "node-hello");
  }

  @Test
  @DisplayName("the waiters function-active-v2, function-active and function-updated succeed")
  void waiters() throws Exception {
    List<Process> waits = new ArrayList<>();
    for (String function : List.of("enricher", "node-hello")) {
      for (String waiter : List.of("function-active-v2", "function-active", "function-updated")) {
        waits.add(run("wait", waiter, "--function-name", function));
      }
    }
    for (Process wait : waits) {
      assertThat(output(wait)).isBlank();
    }
  }

  /** Starts {@code aws lambda <args>} against the gateway with dummy credentials. */
  private static Process run(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(aws.toString(), "lambda"));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--endpoint-url",
            "http://127.0.0.1:" + gateway.port(),
            "--region",
            "us-east-1",
            "--output",
            "json",
            "--cli-connect-timeout",
            "5",
            "--cli-read-timeout",
            "20"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_CONFIG_FILE", emptyConfig.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    return builder.start();
  }

  /** The call's output once it exits 0 within the timeout; the process is gone either way. */
  private static String output(Process process) throws Exception {
    try {
      if (!process.waitFor(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail("aws did not finish within " + CALL_TIMEOUT_SECONDS + " s: " + process.info());
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(out).isZero();
      return out;
    } finally {
      process.destroyForcibly();
    }
  }

  /** The {@code aws} executable, or the test is skipped (or fails when it is required). */
  private static Path awsCli() {
    Optional<Path> found =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "aws"))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty()) {
      if ("true".equals(System.getenv(REQUIRE_CLI))) {
        fail(REQUIRE_CLI + "=true but no aws on the PATH: run .ci/aws-cli.sh");
      }
      System.err.println("SKIPPED AwsCliTest: no aws on the PATH (apt-get install awscli)");
      assumeTrue(false, "no aws CLI on the PATH (apt-get install awscli)");
    }
    return found.get();
  }
}
