package io.lambdagateway.gateway;

import io.lambdagateway.gateway.http.auth.AccessKeys;
import io.lambdagateway.gateway.platform.EventRetryPolicy;
import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.RuntimeSettings;
import io.lambdagateway.settings.Durations;
import io.lambdagateway.settings.Sizes;
import io.lambdagateway.transfer.ResponseForm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The whole configuration of a gateway, typed. See {@link Setting} for each knob's meaning,
 * environment variable, flag and default. Durations and sizes follow the grammars every command
 * shares ({@link Durations}, {@link Sizes}).
 *
 * @param authToken the bearer token function URLs require; empty = no check
 * @param awsCredentials the access keys whose SigV4 signatures the Lambda API requires; empty = no
 *     check
 * @param reservedConcurrency the enricher's reserved concurrency; empty = none
 * @param enricherPublicIp the enricher's ip column; empty = discovered from the host
 * @param enricherOutput the form of the enricher's change items (compact by default)
 * @param functions the user's own functions to host ({@code --function}, {@code --template}), in
 *     their order; empty = none
 * @param runtimeSettings how the execution environments of {@code functions} are run
 * @param eventOnFailure where failed Event invocations go; empty = the state directory's file
 * @param stateDir where Event invocations are journaled; empty = in memory only
 * @param httpLimits what one connection and all requests together may hold
 */
public record GatewayConfig(
    String host,
    int port,
    String functionName,
    Optional<String> authToken,
    AccessKeys awsCredentials,
    Duration functionTimeout,
    String region,
    String accountId,
    int memorySizeMb,
    long maxSyncPayloadBytes,
    long maxAsyncPayloadBytes,
    long maxResponseBytes,
    int maxHeaderBytes,
    int maxRequestLineBytes,
    Duration idleTimeout,
    HttpLimits httpLimits,
    int eventQueueSize,
    int eventConcurrency,
    long eventQueueBytes,
    EventRetryPolicy eventRetryPolicy,
    Optional<URI> eventOnFailure,
    Optional<Path> stateDir,
    int maxConcurrency,
    OptionalInt reservedConcurrency,
    int instances,
    Duration shutdownGrace,
    boolean benchEcho,
    Optional<String> enricherPublicIp,
    boolean enricherSkipBadRows,
    ResponseForm enricherOutput,
    List<FunctionSpec> functions,
    RuntimeSettings runtimeSettings) {

  public GatewayConfig {
    functions = List.copyOf(functions);
  }

  /** All defaults. */
  public static GatewayConfig defaults() {
    return fromSettings(Map.of());
  }

  /**
   * Builds the configuration from values keyed by environment-variable name ({@code
   * System.getenv()} works as it is); a missing or blank key takes its default.
   *
   * @throws InvalidSetting naming the setting whose value is not valid
   */
  public static GatewayConfig fromSettings(Map<String, String> values) {
    return new GatewayConfigParser(values).config();
  }

  /** This configuration hosting {@code functions} instead of its own user functions. */
  public GatewayConfig functions(List<FunctionSpec> functions) {
    return with(functions, runtimeSettings);
  }

  /** This configuration running its user functions' environments with {@code runtimeSettings}. */
  public GatewayConfig runtimeSettings(RuntimeSettings runtimeSettings) {
    return with(functions, runtimeSettings);
  }

  private GatewayConfig with(List<FunctionSpec> functions, RuntimeSettings runtimeSettings) {
    return new GatewayConfig(
        host,
        port,
        functionName,
        authToken,
        awsCredentials,
        functionTimeout,
        region,
        accountId,
        memorySizeMb,
        maxSyncPayloadBytes,
        maxAsyncPayloadBytes,
        maxResponseBytes,
        maxHeaderBytes,
        maxRequestLineBytes,
        idleTimeout,
        httpLimits,
        eventQueueSize,
        eventConcurrency,
        eventQueueBytes,
        eventRetryPolicy,
        eventOnFailure,
        stateDir,
        maxConcurrency,
        reservedConcurrency,
        instances,
        shutdownGrace,
        benchEcho,
        enricherPublicIp,
        enricherSkipBadRows,
        enricherOutput,
        functions,
        runtimeSettings);
  }

  /** The unqualified ARN a function named {@code name} has in this region and account. */
  public String functionArn(String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  /** Verticle instances to deploy: the configured count, or one per CPU core. */
  public int effectiveInstances() {
    return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
  }

  /**
   * A setting whose value is not valid: {@code setting}'s variable and flag, the value, and what it
   * accepts (the message starts with the variable's name).
   */
  public static final class InvalidSetting extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Setting setting;
    private final String value;
    private final String accepted;

    InvalidSetting(Setting setting, String value, String accepted) {
      super(setting.envName() + " (" + setting.flag() + ") = '" + value + "': " + accepted);
      this.setting = setting;
      this.value = value;
      this.accepted = accepted;
    }

    public Setting setting() {
      return setting;
    }

    public String value() {
      return value;
    }

    public String accepted() {
      return accepted;
    }
  }
}
