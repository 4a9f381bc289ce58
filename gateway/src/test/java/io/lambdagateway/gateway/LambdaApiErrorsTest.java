package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Every path under a Lambda API version prefix answers in AWS's error shape ({@code
 * x-amzn-ErrorType}, {@code x-amzn-RequestId}, {@code {"Type","message"}}) with a status the SDKs
 * classify, never the function-URL 404; seen raw and through the AWS SDK for Java v2.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Typed errors on every Lambda API route, and the X-Amz-Client-Context refusal")
class LambdaApiErrorsTest {

  private static TestGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    lambda = LambdaReadApiSdkTest.client(gateway.port());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    gateway.close();
  }

  static Stream<Arguments> refusedRoutes() {
    return Stream.of(
        Arguments.of(
            "GET", "/2015-03-31/functions/probe/no-such-thing", 404, "UnknownOperationException"),
        Arguments.of("GET", "/2015-03-31/event-source-mappings/", 404, "UnknownOperationException"),
        Arguments.of("GET", "/2018-10-31/layers", 404, "UnknownOperationException"),
        Arguments.of(
            "GET",
            "/2019-09-30/functions/probe/provisioned-concurrency",
            404,
            "UnknownOperationException"),
        Arguments.of(
            "GET",
            "/2024-08-31/functions/probe/recursion-config",
            404,
            "UnknownOperationException"),
        Arguments.of("PUT", "/2016-08-19/account-settings", 404, "UnknownOperationException"),
        Arguments.of("GET", "/2016-08-19", 404, "UnknownOperationException"),
        Arguments.of(
            "GET", "/2015-03-31/functions/probe/invocations", 404, "UnknownOperationException"),
        Arguments.of(
            "POST",
            "/2021-11-15/functions/probe/response-streaming-invocations",
            404,
            "UnknownOperationException"),
        Arguments.of(
            "GET", "/2015-03-31/functions/bad%20name/configuration", 400, "ValidationException"),
        Arguments.of("GET", "/2021-10-31/functions/nope/url", 404, "ResourceNotFoundException"),
        Arguments.of(
            "GET", "/2019-09-30/functions/nope/concurrency", 404, "ResourceNotFoundException"),
        Arguments.of(
            "GET", "/2015-03-31/functions/probe/versions?MaxItems=0", 400, "ValidationException"),
        Arguments.of("GET", "/2017-03-31/tags/probe", 400, "ValidationException"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @MethodSource("refusedRoutes")
  @DisplayName("an API path answers AWS's error shape, never the function-URL 404")
  void typedErrors(String method, String path, int status, String code) {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(gateway.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
    assertThat(UUID.fromString(response.headers().firstValue("x-amzn-RequestId").orElseThrow()))
        .isNotNull();
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = Http.json(response);
    assertThat(body.get("Type").asText()).isEqualTo("User");
    assertThat(body.has("message") ? body.get("message") : body.get("Message")).isNotNull();
  }

  @Test
  @DisplayName("the SDK sees UnknownOperationException for operations the gateway does not have")
  void sdkSeesUnknownOperation() {
    assertThatThrownBy(() -> lambda.listLayers(b -> {}))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("No operation GET /2018-10-31/layers");
            });
    assertThatThrownBy(
            () ->
                lambda.getProvisionedConcurrencyConfig(b -> b.functionName("probe").qualifier("1")))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
  }

  @Test
  @DisplayName("InvokeWithResponseStream is refused with a message that names Invoke")
  void responseStreamingIsRefused() {
    JsonNode body =
        Http.json(
            Http.post(
                gateway.uri("/2021-11-15/functions/probe/response-streaming-invocations"), "{}"));

    assertThat(body.get("message").asText())
        .isEqualTo("InvokeWithResponseStream is not supported by this gateway; use Invoke");
  }

  @Test
  @DisplayName("an X-Amz-Client-Context that is not base64 JSON, or too long, is AWS's 400")
  void invalidClientContext() {
    String tooLong =
        Base64.getEncoder()
            .encodeToString(
                ("{\"k\":\"" + "x".repeat(2700) + "\"}").getBytes(StandardCharsets.UTF_8));
    for (String context : new String[] {"not base64!", tooLong}) {
      assertThatThrownBy(
              () ->
                  lambda.invoke(
                      b ->
                          b.functionName("probe")
                              .clientContext(context)
                              .payload(SdkBytes.fromUtf8String("{\"return\":1}"))))
          .isInstanceOfSatisfying(
              InvalidRequestContentException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Client context must be a valid Base64-encoded JSON object.");
              });
    }
  }
}
