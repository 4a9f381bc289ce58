package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/** A custom runtime (bash + curl bootstrap) hosted by a real gateway, called like Lambda. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("A provided-runtime function, end to end")
class ProvidedRuntimeTest {

  @TempDir Path code;
  private RuntimeGateway gateway;
  private LambdaClient lambda;

  @BeforeEach
  void start() {
    Bootstrap.write(
        code,
        "echo \"init of $AWS_LAMBDA_FUNCTION_NAME\"",
        """
          echo "handling $ID"
          respond "{\\"pid\\":$$,\\"event\\":$EVENT,\\"greeting\\":\\"$GREETING\\",\
        \\"home\\":\\"${HOME:-none}\\",\\"memory\\":$AWS_LAMBDA_FUNCTION_MEMORY_SIZE,\
        \\"runtimeApi\\":\\"$AWS_LAMBDA_RUNTIME_API\\",\\"tz\\":\\"$TZ\\"}"
        """);
    gateway =
        RuntimeGateway.start(
            RuntimeGateway.spec(code, Duration.ofSeconds(10), OptionalInt.empty()),
            RuntimeSettings.defaults());
    lambda =
        LambdaClient.builder()
            .endpointOverride(gateway.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
            .build();
  }

  @AfterEach
  void stop() {
    lambda.close();
    gateway.close();
  }

  @Test
  @DisplayName(
      "the AWS SDK invokes it: the bootstrap's response, its output in Tail, a cold REPORT")
  void invokesThroughTheSdk() throws Exception {
    InvokeResponse first =
        lambda.invoke(
            b ->
                b.functionName(RuntimeGateway.NAME)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"n\":1}")));
    InvokeResponse second =
        lambda.invoke(
            b ->
                b.functionName(RuntimeGateway.NAME)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"n\":2}")));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.functionError()).isNull();
    JsonNode one = Json.MAPPER.readTree(first.payload().asByteArray());
    JsonNode two = Json.MAPPER.readTree(second.payload().asByteArray());
    assertThat(one.path("event").path("n").asInt()).isEqualTo(1);
    assertThat(one.path("greeting").asText()).isEqualTo("hello");
    assertThat(one.path("memory").asInt()).isEqualTo(256);
    assertThat(one.path("tz").asText()).isEqualTo(":UTC");
    assertThat(one.path("runtimeApi").asText()).startsWith("127.0.0.1:");
    assertThat(two.path("pid").asLong()).as("warm reuse").isEqualTo(one.path("pid").asLong());

    String coldTail = tail(first.logResult());
    String requestId = first.responseMetadata().requestId();
    assertThat(coldTail)
        .contains("START RequestId: " + requestId)
        .contains("init of custom")
        .contains("handling " + requestId)
        .contains("END RequestId: " + requestId)
        .containsPattern("REPORT RequestId: .*Max Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms");
    assertThat(tail(second.logResult())).contains("REPORT").doesNotContain("Init Duration");
  }

  @Test
  @DisplayName("the gateway's own environment (HOME here, GATEWAY_AUTH_TOKEN alike) stays out")
  void environmentIsClean() throws Exception {
    assertThat(System.getenv("HOME")).isNotNull();

    HttpResponse<String> response = gateway.invoke("{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(response.body()).path("home").asText()).isEqualTo("none");
  }

  private static String tail(String logResult) {
    return new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
  }
}
