package io.lambdagateway.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The whole configuration of a gateway, typed. See {@link Setting} for each knob's meaning,
 * environment variable, flag and default.
 *
 * @param authToken the bearer token function URLs require; empty = no check
 * @param reservedConcurrency the enricher's reserved concurrency; empty = none
 * @param enricherPublicIp the enricher's ip column; empty = discovered from the host
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
    boolean enricherSkipBadRows) {

  /** All defaults. */
  public static GatewayConfig defaults() {
    return fromSettings(Map.of());
  }

  /**
   * Builds the configuration from values keyed by environment-variable name
   * ({@code System.getenv()} works as it is); a missing or blank key takes its default.
   *
   * @throws IllegalArgumentException naming the variable whose value is not valid
   */
  public static GatewayConfig fromSettings(Map<String, String> values) {
    Reader r = new Reader(values);
    return new GatewayConfig(
        r.text(Setting.HOST),
        r.integer(Setting.PORT, 0, 65535),
        r.text(Setting.FUNCTION_NAME),
        r.optional(Setting.AUTH_TOKEN),
        r.duration(Setting.FUNCTION_TIMEOUT),
        r.text(Setting.REGION),
        r.text(Setting.ACCOUNT_ID),
        r.integer(Setting.MEMORY_SIZE, 128, 10240),
        r.integer(Setting.MAX_SYNC_PAYLOAD, 0, Integer.MAX_VALUE),
        r.integer(Setting.MAX_ASYNC_PAYLOAD, 0, Integer.MAX_VALUE),
        r.integer(Setting.MAX_RESPONSE_PAYLOAD, 0, Integer.MAX_VALUE),
        r.integer(Setting.MAX_HEADER_SIZE, 1024, 1024 * 1024),
        r.integer(Setting.MAX_REQUEST_LINE, 256, 1024 * 1024),
        r.duration(Setting.IDLE_TIMEOUT),
        r.integer(Setting.EVENT_QUEUE_SIZE, 0, 1_000_000),
        r.integer(Setting.EVENT_CONCURRENCY, 1, 10_000),
        r.integer(Setting.MAX_CONCURRENCY, 1, 1_000_000),
        r.optionalInteger(Setting.RESERVED_CONCURRENCY),
        r.integer(Setting.INSTANCES, 0, 1024),
        r.duration(Setting.SHUTDOWN_GRACE),
        r.bool(Setting.BENCH_ECHO),
        r.optional(Setting.ENRICHER_PUBLIC_IP),
        r.bool(Setting.ENRICHER_SKIP_BAD_ROWS));
  }

  /** The unqualified ARN a function named {@code name} has in this region and account. */
  public String functionArn(String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  /** Verticle instances to deploy: the configured count, or one per CPU core. */
  public int effectiveInstances() {
    return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
  }

  /** Parses durations such as {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h} (bare = s). */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
    }
    char unit = t.charAt(t.length() - 1);
    String number = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1).trim();
    long amount = Long.parseLong(number);
    return switch (unit) {
      case 'h' -> Duration.ofHours(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 's' -> Duration.ofSeconds(amount);
      default -> {
        if (!Character.isDigit(unit)) {
          throw new NumberFormatException("unknown unit '" + unit + "'");
        }
        yield Duration.ofSeconds(amount);
      }
    };
  }

  /** Reads one setting at a time and names the variable in every error. */
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
        if (parsed < min || parsed > max) {
          throw invalid(s, v, "must be between " + min + " and " + max);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw invalid(s, v, "not an integer");
      }
    }

    OptionalInt optionalInteger(Setting s) {
      return text(s).isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(s, 0, 1_000_000));
    }

    Duration duration(Setting s) {
      String v = text(s);
      try {
        Duration d = parseDuration(v);
        if (d.isNegative() || d.isZero()) {
          throw invalid(s, v, "must be positive");
        }
        return d;
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw invalid(s, v, "not a duration such as 500ms, 30s or 2m");
      }
    }

    boolean bool(Setting s) {
      String v = text(s).toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw invalid(s, v, "must be true or false");
      }
      return Boolean.parseBoolean(v);
    }

    private static IllegalArgumentException invalid(Setting s, String value, String why) {
      return new IllegalArgumentException(s.envName() + " (" + s.flag() + ") = '" + value + "': "
          + why);
    }
  }
}
