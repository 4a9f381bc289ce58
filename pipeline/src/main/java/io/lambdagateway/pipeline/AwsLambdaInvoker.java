package io.lambdagateway.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.net.URI;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Real AWS Lambda through the AWS SDK for Java v2 ({@link LambdaAsyncClient}, SigV4 signed by the
 * SDK). Credentials and region come from the SDK's default chains (environment, system properties
 * {@code aws.accessKeyId}/{@code aws.secretAccessKey}/{@code aws.region}, profile, instance role)
 * unless the config names a region; an endpoint override is for tests and emulators. The SDK's own
 * retries are off ({@link BatchCaller} retries). Completions are moved back onto the Vert.x
 * context.
 */
public final class AwsLambdaInvoker implements LambdaInvoker {

  private final LambdaAsyncClient client;
  private final String functionName;
  private final Context context;

  private AwsLambdaInvoker(LambdaAsyncClient client, String functionName, Context context) {
    this.client = client;
    this.functionName = functionName;
    this.context = context;
  }

  /** An invoker for {@code config.functionName()} whose futures complete on {@code context}. */
  public static AwsLambdaInvoker create(Context context, PipelineConfig config) {
    LambdaAsyncClientBuilder builder =
        LambdaAsyncClient.builder()
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .maxConcurrency(config.maxConnections())
                    .connectionTimeout(config.invocationTimeout())
                    .readTimeout(config.invocationTimeout()))
            .overrideConfiguration(
                o ->
                    o.apiCallTimeout(config.invocationTimeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
    config.awsRegion().ifPresent(region -> builder.region(Region.of(region)));
    config.awsEndpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
    return new AwsLambdaInvoker(builder.build(), config.functionName(), context);
  }

  @Override
  public Future<byte[]> invoke(RequestBody request) {
    InvokeRequest invoke =
        InvokeRequest.builder()
            .functionName(functionName)
            .invocationType(InvocationType.REQUEST_RESPONSE)
            .payload(SdkBytes.fromByteArrayUnsafe(request.joined()))
            .build();
    // The SDK resolves credentials on the calling thread (profile files, instance metadata):
    // start the call on a worker, complete it on this context.
    return context
        .executeBlocking(() -> client.invoke(invoke), false)
        .compose(call -> Future.fromCompletionStage(call, context))
        .recover(
            err ->
                Future.failedFuture(
                    new InvocationException(
                        "AWS Lambda invoke of " + functionName + " failed: " + err,
                        failureOf(err),
                        err)))
        .map(this::check);
  }

  @Override
  public Future<Void> close() {
    // Closing the SDK client waits for its Netty threads: not on the event loop.
    return context.executeBlocking(
        () -> {
          client.close();
          return null;
        });
  }

  private byte[] check(InvokeResponse response) {
    if (response.functionError() != null) {
      throw new InvocationException(
          "function error " + response.functionError() + ": " + response.payload().asUtf8String(),
          CallFailures.ofFunctionError(response.payload().asByteArray()));
    }
    return response.payload().asByteArray();
  }

  /** 413 (the request size limit, whatever its error code) or a transient failure. */
  private static InvocationException.Failure failureOf(Throwable err) {
    for (Throwable cause = err; cause != null; cause = cause.getCause()) {
      if (cause instanceof SdkServiceException service) {
        return CallFailures.ofStatus(service.statusCode(), false, new byte[0]);
      }
    }
    return InvocationException.Failure.TRANSIENT;
  }
}
