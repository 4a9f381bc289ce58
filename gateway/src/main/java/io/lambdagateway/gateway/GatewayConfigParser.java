package io.lambdagateway.gateway;

import io.lambdagateway.gateway.GatewayConfig.InvalidSetting;
import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.http.auth.AccessKeys;
import io.lambdagateway.gateway.platform.EventRetryPolicy;
import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.RuntimeSettings;
import io.lambdagateway.gateway.runtime.define.CodeZip;
import io.lambdagateway.gateway.runtime.define.FunctionDefinitions;
import io.lambdagateway.gateway.runtime.define.InvalidDefinition;
import io.lambdagateway.settings.Durations;
import io.lambdagateway.settings.Sizes;
import io.lambdagateway.transfer.ResponseForm;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds a {@link GatewayConfig} from values keyed by environment-variable name, one setting at a
 * time through the shared grammars; names the setting in every error.
 */
record GatewayConfigParser(Map<String, String> values) {

  /**
   * The configuration these values describe; a missing or blank key takes its default.
   *
   * @throws InvalidSetting naming the setting whose value is not valid
   */
  GatewayConfig config() {
    String functionName = text(Setting.FUNCTION_NAME);
    boolean benchEcho = bool(Setting.BENCH_ECHO);
    return new GatewayConfig(
        text(Setting.HOST),
        integer(Setting.PORT, 0, 65535),
        functionName,
        optional(Setting.AUTH_TOKEN),
        accessKeys(),
        duration(Setting.FUNCTION_TIMEOUT),
        text(Setting.REGION),
        text(Setting.ACCOUNT_ID),
        integer(Setting.MEMORY_SIZE, 128, 10240),
        size(Setting.MAX_SYNC_PAYLOAD, 0, Integer.MAX_VALUE),
        size(Setting.MAX_ASYNC_PAYLOAD, 0, Integer.MAX_VALUE),
        size(Setting.MAX_RESPONSE_PAYLOAD, 0, Integer.MAX_VALUE),
        (int) size(Setting.MAX_HEADER_SIZE, 1024, 1024 * 1024),
        (int) size(Setting.MAX_REQUEST_LINE, 256, 1024 * 1024),
        duration(Setting.IDLE_TIMEOUT),
        new HttpLimits(
            size(Setting.MAX_BODY_BYTES_IN_FLIGHT, 1024 * 1024, Long.MAX_VALUE / 4),
            bool(Setting.HTTP2),
            integer(Setting.HTTP2_MAX_STREAMS, 1, 10_000),
            duration(Setting.HEADER_TIMEOUT),
            rate(Setting.MIN_BODY_RATE),
            duration(Setting.BODY_RATE_WINDOW),
            integer(Setting.CLIENT_ERROR_LOG_LINES, 1, 1_000_000)),
        integer(Setting.EVENT_QUEUE_SIZE, 0, 1_000_000),
        integer(Setting.EVENT_CONCURRENCY, 1, 10_000),
        size(Setting.EVENT_QUEUE_BYTES, 1, Long.MAX_VALUE),
        EventRetryPolicy.lambda(
            integer(Setting.EVENT_MAX_RETRIES, 0, 2),
            duration(Setting.EVENT_MAX_AGE, Duration.ofSeconds(60), Duration.ofHours(6))),
        destination(Setting.EVENT_ON_FAILURE),
        path(Setting.STATE_DIR),
        integer(Setting.MAX_CONCURRENCY, 1, 1_000_000),
        optionalInteger(Setting.RESERVED_CONCURRENCY),
        integer(Setting.INSTANCES, 0, 1024),
        duration(Setting.SHUTDOWN_GRACE),
        benchEcho,
        optional(Setting.ENRICHER_PUBLIC_IP),
        bool(Setting.ENRICHER_SKIP_BAD_ROWS),
        form(Setting.ENRICHER_OUTPUT),
        functions(benchEcho ? List.of(functionName, EchoFunction.NAME) : List.of(functionName)),
        new RuntimeSettings(
            duration(Setting.RUNTIME_IDLE_TIMEOUT),
            duration(Setting.RUNTIME_INIT_TIMEOUT),
            duration(Setting.RUNTIME_STOP_GRACE),
            (int) size(Setting.RUNTIME_MAX_LINE, 256, 1024 * 1024),
            integer(Setting.RUNTIME_LOG_RATE, 1, 1_000_000)));
  }

  private String text(Setting s) {
    String v = values.get(s.envName());
    return v == null || v.isBlank() ? s.defaultValue() : v.trim();
  }

  private Optional<String> optional(Setting s) {
    String v = text(s);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private int integer(Setting s, int min, int max) {
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

  private OptionalInt optionalInteger(Setting s) {
    return text(s).isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(s, 0, 1_000_000));
  }

  private long size(Setting s, long min, long max) {
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

  private Duration duration(Setting s, Duration min, Duration max) {
    Duration d = duration(s);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new InvalidSetting(
          s, text(s), "between " + min.toSeconds() + "s and " + max.toSeconds() + "s");
    }
    return d;
  }

  private Optional<Path> path(Setting s) {
    Optional<String> v = optional(s);
    try {
      return v.map(Path::of);
    } catch (InvalidPathException notPath) {
      throw new InvalidSetting(s, v.get(), "a directory path");
    }
  }

  private Optional<URI> destination(Setting s) {
    Optional<String> v = optional(s);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(v.get());
      boolean file = "file".equals(uri.getScheme()) && !uri.getSchemeSpecificPart().isEmpty();
      boolean hosted =
          uri.getScheme() != null
              && uri.getAuthority() != null
              && uri.getPath() != null
              && uri.getPath().length() > 1;
      if (file || hosted) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException notUri) {
      // reported below
    }
    throw new InvalidSetting(s, v.get(), "file:PATH or kafka://HOST:PORT[,HOST:PORT]/TOPIC");
  }

  /** Bytes per second: a size, optionally followed by {@code /s}. */
  private long rate(Setting s) {
    String v = text(s);
    String size = v.toLowerCase(Locale.ROOT).endsWith("/s") ? v.substring(0, v.length() - 2) : v;
    try {
      return Sizes.parse(size);
    } catch (IllegalArgumentException notSize) {
      throw new InvalidSetting(s, v, "bytes per second: " + Sizes.ACCEPTED + ", optionally + /s");
    }
  }

  private Duration duration(Setting s) {
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
  private List<FunctionSpec> functions(List<String> builtInNames) {
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

  /**
   * The keys of {@link Setting#AWS_CREDENTIALS} and of the file {@link
   * Setting#AWS_CREDENTIALS_FILE}; an error shows the file's name but never the variable's value,
   * which holds secrets.
   */
  private AccessKeys accessKeys() {
    AccessKeys inline;
    try {
      inline = AccessKeys.parse(text(Setting.AWS_CREDENTIALS));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidSetting(Setting.AWS_CREDENTIALS, "(not shown)", invalid.getMessage());
    }
    Optional<String> file = optional(Setting.AWS_CREDENTIALS_FILE);
    if (file.isEmpty()) {
      return inline;
    }
    try {
      return inline.and(AccessKeys.read(Path.of(file.get())));
    } catch (IOException | InvalidPathException unreadable) {
      throw new InvalidSetting(
          Setting.AWS_CREDENTIALS_FILE,
          file.get(),
          "a readable file of KEY:SECRET lines (" + unreadable.getMessage() + ")");
    } catch (IllegalArgumentException invalid) {
      throw new InvalidSetting(Setting.AWS_CREDENTIALS_FILE, file.get(), invalid.getMessage());
    }
  }

  private ResponseForm form(Setting s) {
    String v = text(s);
    try {
      return ResponseForm.parse(v);
    } catch (IllegalArgumentException notAForm) {
      throw new InvalidSetting(s, v, "full or compact");
    }
  }

  private boolean bool(Setting s) {
    String v = text(s).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new InvalidSetting(s, v, "true or false");
    }
    return Boolean.parseBoolean(v);
  }
}
