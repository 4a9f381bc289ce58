package io.lambdagateway.gateway.runtime.define;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS's rules for a function's own environment variables: keys are letters, digits and underscores
 * starting with a letter; the keys Lambda sets itself are reserved (a function cannot redirect its
 * runtime with {@code AWS_LAMBDA_RUNTIME_API} or move its code root with {@code LAMBDA_TASK_ROOT});
 * all keys and values together take at most 4 KB.
 */
final class EnvironmentRules {

  /** AWS's bound on the total size of a function's variables (keys plus values, UTF-8). */
  static final int MAX_TOTAL_BYTES = 4096;

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** The variables Lambda reserves, as AWS's "Defined runtime environment variables" lists them. */
  static final Set<String> RESERVED =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  private EnvironmentRules() {}

  /** What is wrong with {@code key}, if anything. */
  static Optional<String> checkKey(String key) {
    if (RESERVED.contains(key)) {
      return Optional.of("environment variable " + key + " is reserved by Lambda");
    }
    if (!KEY.matcher(key).matches()) {
      return Optional.of(
          "environment variable name '"
              + key
              + "' is not valid: a letter, then letters, digits or '_'");
    }
    return Optional.empty();
  }

  /** What is wrong with {@code env} as a whole, if anything. */
  static Optional<String> checkAll(Map<String, String> env) {
    for (String key : env.keySet()) {
      Optional<String> wrong = checkKey(key);
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    int total =
        env.entrySet().stream()
            .mapToInt(e -> utf8Length(e.getKey()) + utf8Length(e.getValue()))
            .sum();
    if (total > MAX_TOTAL_BYTES) {
      return Optional.of(
          "environment variables take " + total + " bytes, more than AWS's " + MAX_TOTAL_BYTES);
    }
    return Optional.empty();
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
