package io.lambdagateway.pipeline;

import java.util.Locale;

/** How the pipeline reaches the function. */
public enum PipelineTarget {
  /** A Lambda function URL (or the gateway's), called as Transfer calls it. */
  FUNCTION_URL,
  /** The Lambda Invoke API of an endpoint such as the gateway. */
  INVOKE_API,
  /** Real AWS Lambda through the AWS SDK v2. */
  AWS;

  /** Parses {@code function-url}, {@code invoke-api} or {@code aws}. */
  public static PipelineTarget parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
