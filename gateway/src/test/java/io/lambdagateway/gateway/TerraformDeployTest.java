package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lambdagateway.gateway.deploy.Zips;
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
 * Terraform's AWS provider against the gateway: {@code apply} of an {@code aws_lambda_function}
 * from a zip this test builds, an {@code aws_lambda_invocation} of it and a {@code data
 * "aws_lambda_function"} of the enricher, then {@code destroy}. Terraform and the provider come
 * from the machine (a filesystem mirror, no network); without them the test is skipped, unless
 * {@value #REQUIRE} is {@code true} (as in CI): then it fails.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Terraform applies and destroys a Lambda function on the gateway")
class TerraformDeployTest {

  static final String REQUIRE = "LAMBDA_GATEWAY_REQUIRE_TERRAFORM";
  private static final Path TERRAFORM = Path.of("/usr/local/bin/terraform");
  private static final Path MIRROR = Path.of("/opt/tf-plugins");
  private static final String PROVIDER = "registry.terraform.io/hashicorp/aws";
  private static final long STEP_SECONDS = 120;

  @TempDir static Path work;
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    boolean required = "true".equals(System.getenv(REQUIRE));
    String missing =
        !Files.isExecutable(TERRAFORM)
            ? TERRAFORM + " is missing"
            : !Files.isDirectory(MIRROR.resolve(PROVIDER).resolve("5.100.0"))
                ? "the AWS provider 5.100.0 is not mirrored under " + MIRROR.resolve(PROVIDER)
                : null;
    if (missing != null) {
      if (required) {
        fail(REQUIRE + "=true but " + missing);
      }
      System.err.println("SKIPPED TerraformDeployTest: " + missing);
      assumeTrue(false, missing);
    }
    gateway = TestGateway.start();
    Files.write(work.resolve("fn.zip"), Zips.nodeHandler("tf"));
    Files.writeString(
        work.resolve("terraform.rc"),
        "provider_installation {\n  filesystem_mirror {\n    path = \"" + MIRROR + "\"\n  }\n}\n");
    Files.writeString(work.resolve("main.tf"), mainTf(gateway.port()));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  @DisplayName(
      "init, apply (function, invocation, data source of the enricher), destroy: all clean")
  void applyAndDestroy() throws Exception {
    run("init", "-input=false", "-no-color");
    String applied = run("apply", "-auto-approve", "-input=false", "-no-color");
    assertThat(applied).contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");

    String outputs = run("output", "-json", "-no-color");
    assertThat(outputs)
        .contains("\\\"v\\\":\\\"tf\\\"")
        .contains("\\\"greeting\\\":\\\"terraform\\\"")
        .contains("java17");
    String plan = run("plan", "-detailed-exitcode", "-input=false", "-no-color");
    assertThat(plan).contains("No changes.");

    String destroyed = run("destroy", "-auto-approve", "-input=false", "-no-color");
    assertThat(destroyed).contains("Destroy complete! Resources: 2 destroyed.");
    assertThat(gateway.gateway.config().functionName()).isEqualTo("enricher");
  }

  private static String mainTf(int port) {
    return """
        terraform {
          required_providers {
            aws = { source = "hashicorp/aws", version = "5.100.0" }
          }
        }
        provider "aws" {
          region                      = "us-east-1"
          access_key                  = "test"
          secret_key                  = "test"
          skip_credentials_validation = true
          skip_requesting_account_id  = true
          skip_metadata_api_check     = true
          skip_region_validation      = true
          endpoints {
            lambda = "http://127.0.0.1:%d"
          }
        }
        resource "aws_lambda_function" "hello" {
          function_name    = "tf-hello"
          filename         = "fn.zip"
          source_code_hash = filebase64sha256("fn.zip")
          handler          = "index.handler"
          runtime          = "nodejs20.x"
          role             = "arn:aws:iam::000000000000:role/tf-role"
          environment {
            variables = { GREETING = "terraform" }
          }
        }
        resource "aws_lambda_invocation" "call" {
          function_name = aws_lambda_function.hello.function_name
          input         = jsonencode({ n = 1 })
        }
        data "aws_lambda_function" "enricher" {
          function_name = "enricher"
        }
        output "result" {
          value = aws_lambda_invocation.call.result
        }
        output "enricher_runtime" {
          value = data.aws_lambda_function.enricher.runtime
        }
        """
        .formatted(port);
  }

  /** Runs one terraform command in the work directory; its output, or a failure showing it. */
  private static String run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(TERRAFORM.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("TF_"));
    env.put("TF_CLI_CONFIG_FILE", work.resolve("terraform.rc").toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Path log = Files.createTempFile(work, "terraform-" + args[0], ".log");
    Process process = builder.redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
        fail("terraform " + args[0] + " did not finish in " + STEP_SECONDS + " s:\n" + read(log));
      }
    } finally {
      process.destroyForcibly();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    String output = read(log);
    if (process.exitValue() != 0) {
      fail(
          "terraform "
              + String.join(" ", args)
              + " exited "
              + process.exitValue()
              + ":\n"
              + output);
    }
    return output;
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log);
  }
}
