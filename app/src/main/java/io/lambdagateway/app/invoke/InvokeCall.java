package io.lambdagateway.app.invoke;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * One Invoke API call made with the AWS SDK v2 Lambda client (already in the jar for the pipeline's
 * {@code aws} target), SigV4-signed with {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}
 * (and {@code AWS_SESSION_TOKEN}) when set, else with a placeholder key that a gateway without
 * {@code GATEWAY_AWS_CREDENTIALS} accepts. The SDK does not retry: a failed call is reported at
 * once. Blocks; call from the command's thread.
 */
final class InvokeCall {

  /** Longer than Lambda's longest function timeout (15 minutes), so the function's own applies. */
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(16);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final InvokeRequest request;
  private final AwsCredentials credentials;

  InvokeCall(
      String function,
      String qualifier,
      InvocationType type,
      boolean logTail,
      byte[] payload,
      Map<String, String> environment) {
    this.request =
        InvokeRequest.builder()
            .functionName(function)
            .qualifier(qualifier)
            .invocationType(type)
            .logType(logTail ? LogType.TAIL : LogType.NONE)
            .payload(SdkBytes.fromByteArrayUnsafe(payload))
            .build();
    this.credentials = credentials(environment);
  }

  /**
   * Sends the call to {@code endpoint}, signed for {@code region}.
   *
   * @throws CompletionException holding the SDK's exception when the call fails
   */
  InvokeResponse send(URI endpoint, String region) {
    try (LambdaAsyncClient client =
        LambdaAsyncClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(credentials))
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .readTimeout(READ_TIMEOUT))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      return client.invoke(request).join();
    }
  }

  private static AwsCredentials credentials(Map<String, String> environment) {
    String key = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      return AwsBasicCredentials.create("lambda-gateway-invoke", "no-secret");
    }
    String token = environment.get("AWS_SESSION_TOKEN");
    return token == null || token.isBlank()
        ? AwsBasicCredentials.create(key, secret)
        : AwsSessionCredentials.create(key, secret, token);
  }
}
