package io.lambdagateway.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Creates the {@link LambdaInvoker} a config's {@link PipelineTarget} asks for. Its own class so
 * that {@link PipelineVerticle} only wires, and because the AWS client needs a worker thread to be
 * built.
 */
final class LambdaInvokers {

  private LambdaInvokers() {}

  /**
   * The invoker of {@code config}'s target; fails when the AWS client cannot be built or is not on
   * the class path ({@link AwsSdkClasses}).
   */
  static Future<LambdaInvoker> create(Vertx vertx, Context context, PipelineConfig config) {
    return switch (config.target()) {
      case FUNCTION_URL -> Future.succeededFuture(HttpInvoker.functionUrl(vertx, config));
      case INVOKE_API -> Future.succeededFuture(HttpInvoker.invokeApi(vertx, config));
      case AWS -> aws(vertx, context, config);
    };
  }

  private static Future<LambdaInvoker> aws(Vertx vertx, Context context, PipelineConfig config) {
    if (!AwsSdkClasses.present()) {
      return Future.failedFuture(new IllegalStateException(AwsSdkClasses.MISSING));
    }
    // Building the SDK client may resolve the region from profile files or instance metadata.
    return vertx.executeBlocking(() -> AwsLambdaInvoker.create(context, config));
  }
}
