package io.lambdagateway.gateway;

import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.RuntimeSettings;
import io.lambdagateway.gateway.runtime.define.CodeZip;
import io.lambdagateway.gateway.runtime.define.FunctionDefinitions;
import io.lambdagateway.gateway.runtime.define.InvalidDefinition;
import io.lambdagateway.settings.Durations;
import io.lambdagateway.settings.Sizes;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The whole configuration of a gateway, typed. See {@link Setting} for each knob's meaning,
 * environment variable, flag and default. Durations and sizes follow the grammars every command
 * shares ({@link Durations}, {@link Sizes}).
 *
 * @param authToken the bearer token function URLs require; empty = no check
 * @param reservedConcurrency the enricher's reserved concurrency; empty = none
 * @param enricherPublicIp the enricher's ip column; empty = discovered from the host
 * @param functions the user's own functions to host ({@code --function}, {@code --template}), in
 *     their order; empty = none
 * @param runtimeSettings how the execution environments of {@code functions} are run
 */
public record GatewayConfig(
    String host,
    int port,
    String functionName,
    Optional<String> authToken,
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
    int eventQueueSize,
    int eventConcurrency,
    int maxConcurrency,
    OptionalInt reservedConcurrency,
    int instances,
    Duration shutdownGrace,
    boolean benchEcho,
    Optional<String> enricherPublicIp,
    boolean enricherSkipBadRows,
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
    Reader r = new Reader(values);
    String functionName = r.text(Setting.FUNCTION_NAME);
    boolean benchEcho = r.bool(Setting.BENCH_ECHO);
    return new GatewayConfig(
        r.text(Setting.HOST),
        r.integer(Setting.PORT, 0, 65535),
        functionName,
        r.optional(Setting.AUTH_TOKEN),
        r.duration(Setting.FUNCTION_TIMEOUT),
        r.text(Setting.REGION),
        r.text(Setting.ACCOUNT_ID),
        r.integer(Setting.MEMORY_SIZE, 128, 10240),
        r.size(Setting.MAX_SYNC_PAYLOAD, 0, Integer.MAX_VALUE),
        r.size(Setting.MAX_ASYNC_PAYLOAD, 0, Integer.MAX_VALUE),
        r.size(Setting.MAX_RESPONSE_PAYLOAD, 0, Integer.MAX_VALUE),
        (int) r.size(Setting.MAX_HEADER_SIZE, 1024, 1024 * 1024),
        (int) r.size(Setting.MAX_REQUEST_LINE, 256, 1024 * 1024),
        r.duration(Setting.IDLE_TIMEOUT),
        r.integer(Setting.EVENT_QUEUE_SIZE, 0, 1_000_000),
        r.integer(Setting.EVENT_CONCURRENCY, 1, 10_000),
        r.integer(Setting.MAX_CONCURRENCY, 1, 1_000_000),
        r.optionalInteger(Setting.RESERVED_CONCURRENCY),
        r.integer(Setting.INSTANCES, 0, 1024),
        r.duration(Setting.SHUTDOWN_GRACE),
        benchEcho,
        r.optional(Setting.ENRICHER_PUBLIC_IP),
        r.bool(Setting.ENRICHER_SKIP_BAD_ROWS),
        r.functions(benchEcho ? List.of(functionName, EchoFunction.NAME) : List.of(functionName)),
        new RuntimeSettings(
            r.duration(Setting.RUNTIME_IDLE_TIMEOUT),
            r.duration(Setting.RUNTIME_INIT_TIMEOUT),
            r.duration(Setting.RUNTIME_STOP_GRACE),
            (int) r.size(Setting.RUNTIME_MAX_LINE, 256, 1024 * 1024),
            r.integer(Setting.RUNTIME_LOG_RATE, 1, 1_000_000)));
  }

  /** This configuration hosting {@code functions} instead of its own user functions. */
  public GatewayConfig functions(List<FunctionSpec> functions) {
    return new GatewayConfig(
        host,
        port,
        functionName,
        authToken,
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
        eventQueueSize,
        eventConcurrency,
        maxConcurrency,
        reservedConcurrency,
        instances,
        shutdownGrace,
        benchEcho,
        enricherPublicIp,
        enricherSkipBadRows,
        functions,
        runtimeSettings);
  }

  /** This configuration running its user functions' environments with {@code runtimeSettings}. */
  public GatewayConfig runtimeSettings(RuntimeSettings runtimeSettings) {
    return new GatewayConfig(
        host,
        port,
        functionName,
        authToken,
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
        eventQueueSize,
        eventConcurrency,
        maxConcurrency,
        reservedConcurrency,
        instances,
        shutdownGrace,
        benchEcho,
        enricherPublicIp,
        enricherSkipBadRows,
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

  /** Reads one setting at a time through the shared grammars; names the setting in every error. */
  private record Reader(Map<String, String> values) {

    String text(Setting s) {
      String v = values.get(s.envName());
      return v == null || v.isBlank() ? s.defaultValue() : v.trim();
    }

    Optional<String> optional(Setting s) {
      String v = text(s);
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    int integer(Setting s, int min, int max) {
      String v = text(s);
      try {
        int parsed = Integer.parseInt(v);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException notWhole) {
        // reported below with the range
      }
      throw new InvalidSetting(s, v, "a whole number between " + min + " and " + max);
    }

    OptionalInt optionalInteger(Setting s) {
      return text(s).isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(s, 0, 1_000_000));
    }

    long size(Setting s, long min, long max) {
      String v = text(s);
      long parsed;
      try {
        parsed = Sizes.parse(v);
      } catch (IllegalArgumentException notSize) {
        throw new InvalidSetting(s, v, Sizes.ACCEPTED);
      }
      if (parsed < min || parsed > max) {
        throw new InvalidSetting(s, v, "a size between " + min + " and " + max + " bytes");
      }
      return parsed;
    }

    Duration duration(Setting s) {
      String v = text(s);
      try {
        Duration d = Durations.parse(v);
        if (!d.isZero()) {
          return d;
        }
      } catch (IllegalArgumentException notDuration) {
        // reported below
      }
      throw new InvalidSetting(s, v, "above 0: " + Durations.ACCEPTED);
    }

    /**
     * The functions of {@link Setting#FUNCTIONS} (each spec on its own, so an error shows the bad
     * one) and of {@link Setting#TEMPLATE}, none of them named like a built-in function.
     */
    List<FunctionSpec> functions(List<String> builtInNames) {
      FunctionDefinitions definitions =
          new FunctionDefinitions(builtInNames, CodeZip.withDefaultBounds());
      for (String spec : text(Setting.FUNCTIONS).split(Setting.SEPARATOR)) {
        try {
          if (!spec.isBlank()) {
            definitions.addSpec(spec.strip());
          }
        } catch (InvalidDefinition invalid) {
          throw new InvalidSetting(Setting.FUNCTIONS, spec.strip(), invalid.getMessage());
        }
      }
      Optional<String> template = optional(Setting.TEMPLATE);
      if (template.isPresent()) {
        try {
          definitions.addTemplate(Path.of(template.get()));
        } catch (InvalidDefinition | InvalidPathException invalid) {
          throw new InvalidSetting(Setting.TEMPLATE, template.get(), invalid.getMessage());
        }
      }
      return definitions.functions();
    }

    boolean bool(Setting s) {
      String v = text(s).toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new InvalidSetting(s, v, "true or false");
      }
      return Boolean.parseBoolean(v);
    }
  }
}
