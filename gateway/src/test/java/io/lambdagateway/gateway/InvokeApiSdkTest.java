package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.function.EnricherFunction;
import io.lambdagateway.gateway.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Invoke API through the real AWS SDK for Java v2 client, as an application would call it. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The Invoke API, called with the AWS SDK for Java v2")
class InvokeApiSdkTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");
  private static TestGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    lambda =
        LambdaClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
            .build();
  }

  @AfterAll
  static void stop() {
    lambda.close();
    gateway.close();
  }

  @Test
  @DisplayName("a sync invoke of the golden demo batch returns the golden response")
  void enrichesTheGoldenBatch() throws Exception {
    byte[] batch = Files.readAllBytes(GOLDEN.resolve("demo.request.json"));

    InvokeResponse response =
        lambda.invoke(b -> b.functionName("enricher").payload(SdkBytes.fromByteArray(batch)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    assertThat(UUID.fromString(response.responseMetadata().requestId())).isNotNull();
    assertThat(json(response.payload().asByteArray()))
        .isEqualTo(json(Files.readAllBytes(GOLDEN.resolve("demo.compact-response.json"))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "enricher",
        "enricher:$LATEST",
        "function",
        "arn:aws:lambda:us-east-1:000000000000:function:enricher",
        "arn:aws:lambda:us-east-1:000000000000:function:enricher:$LATEST",
        "000000000000:function:enricher",
        "000000000000:function:enricher:$LATEST"
      })
  @DisplayName("every function-name form reaches the enricher")
  void acceptsEveryNameForm(String name) {
    InvokeResponse response =
        lambda.invoke(
            b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"Records\":[]}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.payload().asUtf8String()).isEqualTo("{\"Records\":[]}");
  }

  @Test
  @DisplayName("Qualifier $LATEST is accepted, a conflicting one is InvalidParameterValue")
  void checksTheQualifier() {
    assertThat(
            lambda
                .invoke(
                    b ->
                        b.functionName("enricher")
                            .qualifier("$LATEST")
                            .payload(SdkBytes.fromUtf8String("{\"Records\":[]}")))
                .statusCode())
        .isEqualTo(200);

    assertThatThrownBy(
            () ->
                lambda.invoke(
                    b ->
                        b.functionName("enricher:$LATEST")
                            .qualifier("prod")
                            .payload(SdkBytes.fromUtf8String("{}"))))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("The derived qualifier from the function name does not match")
        .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(400));
  }

  @Test
  @DisplayName("an Event invoke is accepted with 202 and runs in the background")
  void queuesEvents() {
    InvokeResponse response =
        lambda.invoke(
            b ->
                b.functionName("probe")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"return\":1}")));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.payload().asByteArray()).isEmpty();
  }

  @Test
  @DisplayName("a DryRun invoke answers 204 without running the function")
  void dryRuns() {
    InvokeResponse response =
        lambda.invoke(
            b ->
                b.functionName("probe")
                    .invocationType(InvocationType.DRY_RUN)
                    .payload(SdkBytes.fromUtf8String("{\"fail\":\"must not run\"}")));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.functionError()).isNull();
  }

  @Test
  @DisplayName("LogType Tail returns START, the function's line, END and REPORT")
  void tailsTheLog() {
    InvokeResponse response =
        lambda.invoke(
            b ->
                b.functionName("probe")
                    .logType(LogType.TAIL)
                    .payload(
                        SdkBytes.fromUtf8String("{\"log\":\"hello from probe\",\"return\":true}")));

    String requestId = response.responseMetadata().requestId();
    String log =
        new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    assertThat(log)
        .startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
        .contains("\t" + requestId + "\tINFO\thello from probe\n")
        .contains("END RequestId: " + requestId + "\n")
        .containsPattern(
            "REPORT RequestId: "
                + requestId
                + "\tDuration: [0-9.]+ ms\t"
                + "Billed Duration: [0-9]+ ms\tMemory Size: 256 MB\tMax Memory Used: [0-9]+ MB");
  }

  @Test
  @DisplayName("without LogType Tail there is no log result")
  void sendsNoLogUnlessAsked() {
    InvokeResponse response =
        lambda.invoke(
            b ->
                b.functionName("probe")
                    .payload(SdkBytes.fromUtf8String("{\"log\":\"quiet\",\"return\":1}")));

    assertThat(response.logResult()).isNull();
  }

  @Test
  @DisplayName("an unknown function is a ResourceNotFoundException naming its ARN")
  void rejectsUnknownFunctions() {
    assertThatThrownBy(
            () -> lambda.invoke(b -> b.functionName("nope").payload(SdkBytes.fromUtf8String("{}"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(
            "Function not found: " + "arn:aws:lambda:us-east-1:000000000000:function:nope:$LATEST");
  }

  @Test
  @DisplayName("a payload over 6,291,456 bytes is refused with 413 RequestTooLargeException")
  void refusesOversizeRequests() {
    byte[] big = oversizeJson(6_291_457);

    assertThatThrownBy(
            () -> lambda.invoke(b -> b.functionName("probe").payload(SdkBytes.fromByteArray(big))))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining("Request must be smaller than 6291456 bytes")
        .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(413));
  }

  @Test
  @DisplayName("an Event payload over 1,048,576 bytes is refused with 413")
  void refusesOversizeEvents() {
    byte[] big = oversizeJson(1_048_577);

    assertThatThrownBy(
            () ->
                lambda.invoke(
                    b ->
                        b.functionName("probe")
                            .invocationType(InvocationType.EVENT)
                            .payload(SdkBytes.fromByteArray(big))))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining("1048577 byte payload is too large for the Event invocation type")
        .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(413));
  }

  @Test
  @DisplayName("a function error is a 200 with FunctionError Unhandled, not an exception")
  void reportsFunctionErrors() {
    InvokeResponse response =
        lambda.invoke(
            b -> b.functionName("probe").payload(SdkBytes.fromUtf8String("{\"fail\":\"boom\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = json(response.payload().asByteArray());
    assertThat(error.get("errorType").asText()).isEqualTo("IllegalStateException");
    assertThat(error.get("errorMessage").asText()).isEqualTo("boom");
    assertThat(error.get("stackTrace").isArray()).isTrue();
  }

  @Test
  @DisplayName("a batch the enricher cannot read is a MalformedBatch function error")
  void reportsMalformedBatches() {
    InvokeResponse response =
        lambda.invoke(
            b -> b.functionName("enricher").payload(SdkBytes.fromUtf8String("{\"NotRecords\":1}")));

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(json(response.payload().asByteArray()).get("errorType").asText())
        .isEqualTo(EnricherFunction.MALFORMED_BATCH);
  }

  private static byte[] oversizeJson(int size) {
    byte[] big = new byte[size];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[size - 1] = '}';
    return big;
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
    }
  }
}
