package io.lambdagateway.gateway.runtime;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The environment variables a runtime process starts with, apart from the process machinery so that
 * what user code sees is decided in one place: AWS's variables, the launcher's, the function's own
 * {@code env}, {@code PATH} and nothing else of the gateway's (so neither {@code
 * GATEWAY_AUTH_TOKEN} nor real AWS credentials leak into user code); the credentials it gets are
 * dummies unless the function's {@code env} sets its own.
 */
final class RuntimeEnvironmentVariables {

  /** The dummy credentials every runtime gets: SDKs in user code need some to sign requests. */
  static final Map<String, String> DUMMY_CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "AKIALOCALGATEWAY0000",
          "AWS_SECRET_ACCESS_KEY", "local-gateway-dummy-secret",
          "AWS_SESSION_TOKEN", "local-gateway-dummy-session");

  private RuntimeEnvironmentVariables() {}

  /**
   * The runtime's environment variables: AWS's reserved ones win over the launcher's and the
   * function's, so user settings cannot redirect the Runtime API or rename the function.
   */
  static Map<String, String> of(
      FunctionSpec spec, RuntimeLauncher launcher, String region, int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    env.put("LANG", "C.UTF-8");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime().specName());
    env.putAll(DUMMY_CREDENTIALS);
    env.putAll(launcher.extraEnv(spec));
    env.putAll(spec.env());
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port);
    env.put("_HANDLER", spec.handler());
    env.put("LAMBDA_TASK_ROOT", spec.codeDir().toAbsolutePath().toString());
    env.put("LAMBDA_RUNTIME_DIR", launcher.runtimeDir(spec).toAbsolutePath().toString());
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
    return env;
  }

  private static String logStreamName() {
    String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
    return day + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
  }
}
