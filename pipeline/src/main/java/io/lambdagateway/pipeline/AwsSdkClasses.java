package io.lambdagateway.pipeline;

/**
 * Whether the AWS SDK's Lambda client is on the class path. The container image's launcher jar
 * ({@code lambda-gateway-slim.jar}) leaves it out to stay under its size ceiling; this class refers
 * to none of the SDK's classes, so the {@code aws} target can be refused in one line before {@link
 * AwsLambdaInvoker} would fail with a {@link NoClassDefFoundError}.
 */
final class AwsSdkClasses {

  /** Why the {@code aws} target cannot run from this class path, and what to use instead. */
  static final String MISSING =
      "--target aws: this jar has no AWS SDK Lambda client (the container image's slim"
          + " launcher); run the pipeline from lambda-gateway.jar, or use --target invoke-api or"
          + " --target function-url";

  private static final String CLIENT_CLASS =
      "software.amazon.awssdk.services.lambda.LambdaAsyncClient";

  private AwsSdkClasses() {}

  /** True when {@link AwsLambdaInvoker} can build its client from this class path. */
  static boolean present() {
    try {
      Class.forName(CLIENT_CLASS, false, AwsSdkClasses.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
