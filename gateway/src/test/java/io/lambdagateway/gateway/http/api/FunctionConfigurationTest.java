package io.lambdagateway.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.platform.FunctionFacts;
import io.lambdagateway.gateway.platform.HostedFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FunctionConfiguration: the Lambda model's configuration of a hosted function")
class FunctionConfigurationTest {

  private static final GatewayConfig CONFIG = GatewayConfig.defaults();
  private static final FunctionFacts FACTS =
      new FunctionFacts(
          "greets",
          Map.of("GREETING", "hi"),
          "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
          1234,
          Instant.parse("2024-01-01T00:00:00.123456Z"),
          "0f6c2c1e-8a5b-4e8e-9d7e-7d1f5e6b6a11",
          Optional.empty(),
          Map.of("team", "data"));
  private static final HostedFunction FN =
      new HostedFunction(
          "greeter", new EchoFunction(), Duration.ofSeconds(7), 256, OptionalInt.of(3), FACTS);

  @Test
  @DisplayName("every member has the model's name and JSON type, and reflects the function")
  void membersFollowTheModel() {
    JsonNode c = FunctionConfiguration.of(FN, CONFIG, false);

    assertThat(c.get("FunctionName").asText()).isEqualTo("greeter");
    assertThat(c.get("FunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:greeter");
    assertThat(c.get("Runtime").asText()).isEqualTo("java17");
    assertThat(c.get("Role").asText()).matches("arn:aws:iam::\\d{12}:role/[a-zA-Z_0-9+=,.@\\-/]+");
    assertThat(c.get("Handler").asText()).isEqualTo(EchoFunction.class.getName());
    assertThat(c.get("CodeSize").isIntegralNumber()).isTrue();
    assertThat(c.get("CodeSize").asLong()).isEqualTo(1234);
    assertThat(c.get("Description").asText()).isEqualTo("greets");
    assertThat(c.get("Timeout").asInt()).isEqualTo(7);
    assertThat(c.get("MemorySize").asInt()).isEqualTo(256);
    assertThat(c.get("LastModified").asText()).isEqualTo("2024-01-01T00:00:00.123+0000");
    assertThat(c.get("CodeSha256").asText()).isEqualTo(FACTS.codeSha256());
    assertThat(c.get("Version").asText()).isEqualTo("$LATEST");
    assertThat(c.at("/Environment/Variables/GREETING").asText()).isEqualTo("hi");
    assertThat(c.at("/TracingConfig/Mode").asText()).isEqualTo("PassThrough");
    assertThat(c.get("RevisionId").asText()).isEqualTo(FACTS.revisionId());
    assertThat(c.get("State").asText()).isEqualTo("Active");
    assertThat(c.get("LastUpdateStatus").asText()).isEqualTo("Successful");
    assertThat(c.get("PackageType").asText()).isEqualTo("Zip");
    assertThat(c.get("Architectures").get(0).asText()).isIn("x86_64", "arm64");
    assertThat(c.at("/EphemeralStorage/Size").asInt()).isEqualTo(512);
    assertThat(c.at("/SnapStart/ApplyOn").asText()).isEqualTo("None");
    assertThat(c.at("/SnapStart/OptimizationStatus").asText()).isEqualTo("Off");
    assertThat(c.at("/LoggingConfig/LogFormat").asText()).isEqualTo("Text");
    assertThat(c.at("/LoggingConfig/LogGroup").asText()).isEqualTo("/aws/lambda/greeter");
    List<String> names = new ArrayList<>();
    c.fieldNames().forEachRemaining(names::add);
    assertThat(names).doesNotContain("ReservedConcurrentExecutions");
  }

  @Test
  @DisplayName("a version asked for gets the qualified ARN; no variables, no Environment member")
  void qualifiedAndWithoutEnvironment() {
    HostedFunction plain =
        new HostedFunction(
            "plain", new EchoFunction(), Duration.ofSeconds(3), 128, OptionalInt.empty());

    JsonNode c = FunctionConfiguration.of(plain, CONFIG, true);

    assertThat(c.get("FunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:plain:$LATEST");
    assertThat(c.has("Environment")).isFalse();
    assertThat(c.get("CodeSha256").asText()).hasSize(44).endsWith("=");
    assertThat(c.get("RevisionId").asText()).hasSize(36);
  }
}
