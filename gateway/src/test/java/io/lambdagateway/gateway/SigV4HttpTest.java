package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * A gateway with access keys configured, called as AWS is called: the AWS SDK for Java v2, the AWS
 * CLI (botocore, which signs differently) and raw HTTP for what no SDK sends.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("SigV4 verification of the Lambda API")
class SigV4HttpTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");
  private static final String KEY = "AKIDGATEWAYTEST";
  private static final String SECRET = "the-right-secret";
  private static final String TOKEN = "url-token";
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        TestGateway.start(
            Map.of(
                "GATEWAY_AWS_CREDENTIALS",
                KEY + ":" + SECRET + ",AKIDSECOND:second-secret",
                "GATEWAY_AUTH_TOKEN",
                TOKEN));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("the SDK with a configured key invokes (sync and Event) and lists functions")
  void sdkWithTheRightKey() throws Exception {
    byte[] batch = Files.readAllBytes(GOLDEN.resolve("demo.request.json"));
    try (LambdaClient lambda = sdk(KEY, SECRET)) {
      InvokeResponse sync =
          lambda.invoke(b -> b.functionName("enricher").payload(SdkBytes.fromByteArray(batch)));
      InvokeResponse event =
          lambda.invoke(
              b ->
                  b.functionName("probe")
                      .invocationType(InvocationType.EVENT)
                      .payload(SdkBytes.fromUtf8String("{\"return\":1}")));

      assertThat(json(sync.payload().asByteArray()))
          .isEqualTo(json(Files.readAllBytes(GOLDEN.resolve("demo.compact-response.json"))));
      assertThat(event.statusCode()).isEqualTo(202);
      assertThat(lambda.listFunctions().functions())
          .extracting(FunctionConfiguration::functionName)
          .contains("enricher", "probe");
      assertThat(lambda.getFunction(b -> b.functionName("enricher")).configuration().version())
          .isEqualTo("$LATEST");
    }
  }

  @Test
  @DisplayName("a 6 MB payload is verified without blocking an event loop")
  void verifiesLargeBodiesOffTheEventLoop() {
    String padded = "{\"pad\":\"" + "x".repeat(6_000_000) + "\"}";
    try (LambdaClient lambda = sdk("AKIDSECOND", "second-secret")) {
      long started = System.nanoTime();
      InvokeResponse response =
          lambda.invoke(
              b ->
                  b.functionName("probe")
                      .invocationType(InvocationType.DRY_RUN)
                      .payload(SdkBytes.fromUtf8String(padded)));

      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  @DisplayName("the SDK with a wrong secret gets 403 InvalidSignatureException")
  void sdkWithAWrongSecret() {
    try (LambdaClient lambda = sdk(KEY, "a-wrong-secret")) {
      assertThatThrownBy(
              () ->
                  lambda.invoke(
                      b -> b.functionName("enricher").payload(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOfSatisfying(
              LambdaException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("The request signature we calculated does not match");
              });
      assertThatThrownBy(lambda::listFunctions)
          .isInstanceOfSatisfying(
              LambdaException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("InvalidSignatureException"));
    }
  }

  @Test
  @DisplayName("the SDK with an unknown key gets 403 UnrecognizedClientException")
  void sdkWithAnUnknownKey() {
    try (LambdaClient lambda = sdk("AKIDNOBODY", SECRET)) {
      assertThatThrownBy(lambda::listFunctions)
          .isInstanceOfSatisfying(
              LambdaException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/2015-03-31/functions",
        "/2015-03-31/functions/enricher",
        "/2015-03-31/no-such-operation",
        "/2015-03-31/./functions",
        "/%32015-03-31/functions",
        "/other/../2015-03-31/functions"
      })
  @DisplayName("an unsigned API request, however its path is spelled, is 403 with AWS's body")
  void refusesUnsignedRequests(String path) {
    HttpResponse<byte[]> response = Http.get(gateway.uri(path));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("MissingAuthenticationTokenException");
    assertThat(Http.json(response))
        .isEqualTo(Http.json("{\"Type\":\"User\",\"message\":\"Missing Authentication Token\"}"));
  }

  @Test
  @DisplayName("an unsigned invoke with a body is refused before the body is read")
  void refusesUnsignedInvokes() {
    HttpResponse<byte[]> response =
        Http.post(gateway.uri("/2015-03-31/functions/enricher/invocations"), "{\"Records\":[]}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("MissingAuthenticationTokenException");
  }

  @Test
  @DisplayName("a signature made more than 5 minutes ago is 403 Signature expired")
  void refusesExpiredSignatures() {
    HttpResponse<byte[]> response =
        Http.send(signedGet("/2015-03-31/functions", Instant.now().minus(Duration.ofMinutes(6))));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("InvalidSignatureException");
    assertThat(Http.json(response).get("message").asText()).startsWith("Signature expired: ");
  }

  @Test
  @DisplayName("a request signed by hand with the SDK's public signer is accepted over raw HTTP")
  void acceptsARawSignedRequest() {
    HttpResponse<byte[]> response = Http.send(signedGet("/2015-03-31/functions", Instant.now()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).get("Functions").isArray()).isTrue();
  }

  @Test
  @DisplayName("function URLs keep their bearer token and /health stays open")
  void leavesFunctionUrlsAndHealthAlone() {
    HttpResponse<byte[]> url =
        Http.send(
            Http.request(gateway.uri("/enricher"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"Records\":[]}"))
                .build());
    HttpResponse<byte[]> health = Http.get(gateway.uri("/health"));

    assertThat(url.statusCode()).isEqualTo(200);
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("the AWS CLI invokes with the right secret and is refused with a wrong one")
  void awsCli(@TempDir Path dir) throws Exception {
    Path payload = Files.writeString(dir.resolve("payload.json"), "{\"Records\":[]}");
    Path out = dir.resolve("out.json");

    AwsCli.Result invoke =
        AwsCli.run(
            dir,
            SECRET,
            "lambda",
            "invoke",
            "--function-name",
            "enricher",
            "--payload",
            "fileb://" + payload,
            out.toString());
    AwsCli.Result wrong = AwsCli.run(dir, "a-wrong-secret", "lambda", "list-functions");

    assertThat(invoke.exitCode()).as(invoke.output()).isZero();
    assertThat(invoke.output()).contains("\"StatusCode\": 200");
    assertThat(Files.readString(out)).isEqualTo("{\"Records\":[]}");
    assertThat(wrong.exitCode()).isNotZero();
    assertThat(wrong.output()).contains("InvalidSignatureException");
  }

  private static LambdaClient sdk(String key, String secret) {
    return LambdaClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** A GET signed at {@code at} by the SDK's public signer, sent as the JDK client sends it. */
  private static HttpRequest signedGet(String path, Instant at) {
    SdkHttpFullRequest unsigned =
        SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(gateway.uri(path)).build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(KEY, SECRET))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromUtf8String(""))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    HttpRequest.Builder request = Http.request(gateway.uri(path)).GET();
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return request.build();
  }

  private static JsonNode json(byte[] bytes) throws IOException {
    return Json.MAPPER.readTree(bytes);
  }

  /** The AWS CLI as a user runs it: credentials from the environment, no config files. */
  private static final class AwsCli {
    record Result(int exitCode, String output) {}

    static Result run(Path dir, String secret, String... args) throws Exception {
      Path output = Files.createTempFile(dir, "aws", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command(args))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("AWS_"));
      env.put("AWS_ACCESS_KEY_ID", KEY);
      env.put("AWS_SECRET_ACCESS_KEY", secret);
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
      env.put("AWS_MAX_ATTEMPTS", "1");
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      Process process = builder.start();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          throw new AssertionError("aws " + String.join(" ", args) + " ran over 60 s");
        }
      } finally {
        process.destroyForcibly();
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static List<String> command(String... args) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "aws",
                  "--endpoint-url",
                  "http://127.0.0.1:" + gateway.port(),
                  "--output",
                  "json"));
      command.addAll(List.of(args));
      return command;
    }
  }
}
