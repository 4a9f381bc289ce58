package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A real gateway hosting user functions for a test (one {@code provided} function by default), with
 * strict blocked-thread checking (as the gateway's other tests), plus a plain HTTP client and an
 * AWS SDK v2 client to call it.
 */
final class RuntimeGateway implements AutoCloseable {

  static final String NAME = "custom";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Gateway gateway;

  private RuntimeGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  static FunctionSpec spec(Path codeDir, Duration timeout, OptionalInt reserved) {
    return new FunctionSpec(
        NAME,
        FunctionSpec.Runtime.PROVIDED,
        codeDir,
        "handler.ignored",
        timeout,
        256,
        reserved,
        Map.of("GREETING", "hello"));
  }

  static RuntimeGateway start(FunctionSpec spec, RuntimeSettings settings) {
    return start(List.of(spec), settings);
  }

  static RuntimeGateway start(List<FunctionSpec> specs, RuntimeSettings settings) {
    GatewayConfig config =
        GatewayConfig.fromSettings(
                Map.of(
                    "GATEWAY_HOST", "127.0.0.1",
                    "GATEWAY_PORT", "0",
                    "GATEWAY_INSTANCES", "2",
                    "ENRICHER_PUBLIC_IP", "203.0.113.7"))
            .functions(specs)
            .runtimeSettings(settings);
    VertxOptions strict =
        new VertxOptions()
            .setBlockedThreadCheckInterval(50)
            .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
            .setMaxEventLoopExecuteTime(500)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(500)
            .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    return new RuntimeGateway(Gateway.start(config, List.of(), strict).await());
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + gateway.port());
  }

  /** Invokes the function through the Invoke API with the Tail log. */
  HttpResponse<String> invoke(String payload) {
    return invoke(NAME, payload);
  }

  /** Invokes function {@code name} through the Invoke API with the Tail log. */
  HttpResponse<String> invoke(String name, String payload) {
    return send(
        HttpRequest.newBuilder(endpoint().resolve("/2015-03-31/functions/" + name + "/invocations"))
            .header("X-Amz-Log-Type", "Tail")
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build());
  }

  /** An AWS SDK v2 client of this gateway (one attempt per call); the caller closes it. */
  LambdaClient lambda() {
    return LambdaClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** A GET of {@code path} on the gateway. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(endpoint().resolve(path)).GET().build());
  }

  /** A POST of {@code body} to {@code path} on the gateway (e.g. a function URL). */
  HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(endpoint().resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** The decoded Tail log of an Invoke API response. */
  static String tail(HttpResponse<String> response) {
    String encoded = response.headers().firstValue("X-Amz-Log-Result").orElse("");
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    gateway.close().await();
  }
}
