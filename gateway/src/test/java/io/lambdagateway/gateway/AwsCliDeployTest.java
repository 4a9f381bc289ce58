package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.deploy.Zips;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LocalStack-style flow with the AWS CLI: {@code create-function --zip-file fileb://...},
 * {@code wait function-active-v2}, {@code invoke}, {@code update-function-code}, {@code wait
 * function-updated}, {@code delete-function}. Without {@code aws} on the PATH the test is skipped,
 * unless {@value #REQUIRE} is {@code true} (as in CI): then it fails.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Deploying a function with the AWS CLI and its waiters")
class AwsCliDeployTest {

  static final String REQUIRE = "LAMBDA_GATEWAY_REQUIRE_AWS_CLI";
  private static final long STEP_SECONDS = 60;

  @TempDir static Path work;
  private static TestGateway gateway;
  private static String aws;

  @BeforeAll
  static void start() throws IOException {
    aws = onPath("aws");
    if (aws == null) {
      if ("true".equals(System.getenv(REQUIRE))) {
        fail(REQUIRE + "=true but the aws command is not on the PATH");
      }
      System.err.println("SKIPPED AwsCliDeployTest: the aws command is not on the PATH");
      assumeTrue(false, "the aws command is not on the PATH");
    }
    gateway = TestGateway.start();
    Files.write(work.resolve("v1.zip"), Zips.nodeHandler("1"));
    Files.write(work.resolve("v2.zip"), Zips.nodeHandler("2"));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  @DisplayName("create, wait active, invoke, update code, wait updated, invoke, delete")
  void localStackFlow() throws Exception {
    JsonNode created =
        json(
            lambda(
                "create-function",
                "--function-name",
                "cli-hello",
                "--runtime",
                "nodejs20.x",
                "--handler",
                "index.handler",
                "--role",
                "arn:aws:iam::000000000000:role/cli",
                "--zip-file",
                "fileb://v1.zip"));
    assertThat(created.path("State").asText()).isEqualTo("Active");
    lambda("wait", "function-active-v2", "--function-name", "cli-hello");
    assertThat(invoke()).contains("\"v\":\"1\"");

    JsonNode updated =
        json(
            lambda(
                "update-function-code",
                "--function-name",
                "cli-hello",
                "--zip-file",
                "fileb://v2.zip"));
    assertThat(updated.path("LastUpdateStatus").asText()).isEqualTo("Successful");
    lambda("wait", "function-updated", "--function-name", "cli-hello");
    assertThat(invoke()).contains("\"v\":\"2\"");

    lambda("delete-function", "--function-name", "cli-hello");
    assertThat(gateway.gateway.config().functionName()).isEqualTo("enricher");
  }

  /** Invokes the function; the v1 CLI sends {@code --payload} as it is (v2 would want base64). */
  private static String invoke() throws Exception {
    lambda("invoke", "--function-name", "cli-hello", "--payload", "{}", "out.json");
    return Files.readString(work.resolve("out.json"));
  }

  private static JsonNode json(String text) throws IOException {
    return Json.MAPPER.readTree(text);
  }

  /** Runs {@code aws lambda ...} against the gateway; its standard output, or a failure. */
  private static String lambda(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                aws,
                "lambda",
                "--endpoint-url",
                "http://127.0.0.1:" + gateway.port(),
                "--region",
                "us-east-1",
                "--output",
                "json"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Path out = work.resolve("aws.out");
    Path err = work.resolve("aws.err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
        fail("aws lambda " + args[0] + " did not finish in " + STEP_SECONDS + " s");
      }
    } finally {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0) {
      fail(
          "aws lambda "
              + String.join(" ", args)
              + " exited "
              + process.exitValue()
              + ":\n"
              + Files.readString(err));
    }
    return Files.readString(out);
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
