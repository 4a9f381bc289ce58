package io.lambdagateway.gateway.runtime.define;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.FunctionSpec.Runtime;
import io.lambdagateway.settings.Durations;
import io.lambdagateway.settings.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One function as written in a {@code --function} spec or a template, its values still text (null
 * when not given); {@link #toSpec} applies every rule and the defaults. The defaults are AWS's: a
 * timeout of 3 s and 128 MB of memory, so a function that would time out or run short on AWS does
 * here too; the gateway's {@code --function-timeout} and {@code --memory-size} stay the enricher's.
 */
final class FunctionDraft {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);
  static final int DEFAULT_MEMORY_MB = 128;
  static final int MIN_MEMORY_MB = 128;
  static final int MAX_MEMORY_MB = 10_240;
  static final int MAX_CONCURRENCY = 1_000_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
  private static final long MEGABYTE = 1024L * 1024;

  String name;
  String runtime;
  String code;
  String handler;
  String timeout;
  String memory;
  String concurrency;
  final Map<String, String> env = new LinkedHashMap<>();

  /** What the spec's errors are prefixed with: the function's name once it is known. */
  String subject() {
    return name == null || name.isBlank() ? "function" : "function " + name;
  }

  /**
   * Checks every field and resolves the code: a directory as it is, a zip extracted by {@code
   * zips}; a relative path is relative to {@code baseDir}.
   *
   * @throws InvalidDefinition naming the function and the first thing wrong
   */
  FunctionSpec toSpec(Path baseDir, CodeZip zips) {
    String checkedName = checkName();
    Runtime checkedRuntime = checkRuntime();
    String checkedHandler = checkHandlerText(checkedRuntime);
    Duration checkedTimeout = checkTimeout();
    int checkedMemory = checkMemory();
    OptionalInt checkedConcurrency = checkConcurrency();
    EnvironmentRules.checkAll(env).ifPresent(this::fail);
    Code resolved = resolveCode(baseDir, zips);
    Optional<String> handlerWrong =
        HandlerCheck.check(checkedRuntime, checkedHandler, resolved.dir());
    if (handlerWrong.isPresent()) {
      if (resolved.extracted()) {
        CodeDirectories.delete(resolved.dir());
      }
      fail(handlerWrong.get());
    }
    return new FunctionSpec(
        checkedName,
        checkedRuntime,
        resolved.dir(),
        checkedHandler,
        checkedTimeout,
        checkedMemory,
        checkedConcurrency,
        env,
        RuntimeNames.reportedId(runtime, checkedRuntime));
  }

  private String checkName() {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidDefinition(
          (name == null ? "function name is missing" : "function name '" + name + "' is not valid")
              + ": 1 to 64 letters, digits, '-' or '_'");
    }
    return name;
  }

  private Runtime checkRuntime() {
    if (runtime == null) {
      fail("runtime is missing: " + RuntimeNames.ACCEPTED);
    }
    return RuntimeNames.parse(runtime)
        .orElseThrow(
            () -> failure("runtime '" + runtime + "' is not supported: " + RuntimeNames.ACCEPTED));
  }

  private String checkHandlerText(Runtime checkedRuntime) {
    if (handler != null) {
      return handler;
    }
    if (checkedRuntime == Runtime.PROVIDED) {
      return "bootstrap";
    }
    throw failure("handler is missing, e.g. main.handler");
  }

  private Duration checkTimeout() {
    if (timeout == null) {
      return DEFAULT_TIMEOUT;
    }
    try {
      Duration parsed = Durations.parse(timeout);
      if (!parsed.isZero() && parsed.compareTo(MAX_TIMEOUT) <= 0) {
        return parsed;
      }
    } catch (IllegalArgumentException notDuration) {
      // reported below
    }
    throw failure("timeout '" + timeout + "': above 0 and at most 15m: " + Durations.ACCEPTED);
  }

  private int checkMemory() {
    if (memory == null) {
      return DEFAULT_MEMORY_MB;
    }
    long megabytes = -1;
    String text = memory.trim();
    try {
      long bytes =
          WHOLE.matcher(text).matches() ? Long.parseLong(text) * MEGABYTE : Sizes.parse(text);
      megabytes = bytes % MEGABYTE == 0 ? bytes / MEGABYTE : -1;
    } catch (IllegalArgumentException notSize) {
      // reported below
    }
    if (megabytes < MIN_MEMORY_MB || megabytes > MAX_MEMORY_MB) {
      fail(
          "memory '"
              + memory
              + "': a whole number of MB between "
              + MIN_MEMORY_MB
              + " and "
              + MAX_MEMORY_MB
              + ", e.g. 512 or 512MB");
    }
    return (int) megabytes;
  }

  private OptionalInt checkConcurrency() {
    if (concurrency == null) {
      return OptionalInt.empty();
    }
    String text = concurrency.trim();
    if (WHOLE.matcher(text).matches() && Integer.parseInt(text) <= MAX_CONCURRENCY) {
      return OptionalInt.of(Integer.parseInt(text));
    }
    throw failure(
        "concurrency '" + concurrency + "': a whole number between 0 and " + MAX_CONCURRENCY);
  }

  /** The function's code directory, and whether the gateway extracted it from a zip. */
  private record Code(Path dir, boolean extracted) {}

  private Code resolveCode(Path baseDir, CodeZip zips) {
    if (code == null || code.isBlank()) {
      fail("code is missing: a directory or a zip file");
    }
    Path path = baseDir.resolve(code.trim()).toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      return new Code(path, false);
    }
    if (!Files.exists(path)) {
      fail("code '" + code + "' does not exist");
    }
    if (!Files.isRegularFile(path) || !CodeZip.looksLikeZip(path)) {
      fail("code '" + code + "' is neither a directory nor a zip file");
    }
    try {
      return new Code(zips.extract(path), true);
    } catch (IOException refused) {
      throw failure("code '" + code + "' refused: " + refused.getMessage());
    }
  }

  private void fail(String what) {
    throw failure(what);
  }

  private InvalidDefinition failure(String what) {
    return new InvalidDefinition(subject() + ": " + what);
  }
}
