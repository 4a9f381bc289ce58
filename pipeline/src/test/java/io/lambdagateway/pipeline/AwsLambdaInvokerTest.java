package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real-AWS target through the AWS SDK v2, pointed at a local HTTP endpoint that checks the
 * SigV4 signature's shape. Credentials and region come from the SDK's default chains, fed by system
 * properties.
 */
@ExtendWith(VertxExtension.class)
class AwsLambdaInvokerTest {

  private static final String ACCESS_KEY = "AKIDEXAMPLETEST12345";
  private static final String REGION = "eu-west-1";
  private static final String SIGV4 =
      "AWS4-HMAC-SHA256 Credential="
          + ACCESS_KEY
          + "/\\d{8}/"
          + REGION
          + "/lambda/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}";

  private record Seen(String uri, MultiMap headers, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
    System.setProperty("aws.region", REGION);
  }

  @AfterAll
  static void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
  }

  private PipelineConfig endpoint(Vertx vertx, boolean functionError) {
    int port =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              seen.add(
                                  new Seen(
                                      request.uri(),
                                      MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                                      body.toString()));
                              if (functionError) {
                                request
                                    .response()
                                    .putHeader("X-Amz-Function-Error", "Unhandled")
                                    .end("{\"errorMessage\":\"boom\"}");
                              } else {
                                request
                                    .response()
                                    .putHeader("Content-Type", "application/json")
                                    .end("{\"Records\":[]}");
                              }
                            }))
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    return PipelineConfig.builder("127.0.0.1:1")
        .target(PipelineTarget.AWS)
        .functionName("enricher")
        .awsEndpoint("http://127.0.0.1:" + port)
        .build();
  }

  @Test
  @DisplayName(
      "The SDK call carries a well-formed SigV4 Authorization and completes on the Vert.x context")
  void signedInvoke(Vertx vertx) {
    PipelineConfig config = endpoint(vertx, false);
    Context context = vertx.getOrCreateContext();
    AwsLambdaInvoker invoker = AwsLambdaInvoker.create(context, config);
    AtomicReference<Context> completedOn = new AtomicReference<>();

    byte[] answer =
        invoker
            .invoke("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8))
            .andThen(ar -> completedOn.set(Vertx.currentContext()))
            .await();

    assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"Records\":[]}");
    assertThat(completedOn.get()).isSameAs(context);
    Seen request = seen.get(0);
    assertThat(request.uri()).isEqualTo("/2015-03-31/functions/enricher/invocations");
    assertThat(request.body()).isEqualTo("{\"Records\":[]}");
    assertThat(request.headers().get("Authorization")).matches(SIGV4);
    assertThat(request.headers().get("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
    invoker.close().await();
  }

  @Test
  @DisplayName("A function error reported by Lambda fails the call")
  void functionError(Vertx vertx) {
    AwsLambdaInvoker invoker =
        AwsLambdaInvoker.create(vertx.getOrCreateContext(), endpoint(vertx, true));

    assertThatThrownBy(
            () -> invoker.invoke("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)).await())
        .isInstanceOf(InvocationException.class)
        .hasMessageContaining("Unhandled");
    invoker.close().await();
  }
}
