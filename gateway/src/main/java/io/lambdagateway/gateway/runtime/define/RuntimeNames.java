package io.lambdagateway.gateway.runtime.define;

import io.lambdagateway.gateway.runtime.FunctionSpec.Runtime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which {@link Runtime} a runtime name means: our own short names ({@code nodejs}, {@code python},
 * {@code java}, {@code provided}) and AWS's identifiers ({@code nodejs20.x}, {@code python3.11},
 * {@code java17}, {@code provided.al2023}). The version part is not checked: the gateway runs
 * whatever {@code node}, {@code python3} or {@code java} the host has.
 */
final class RuntimeNames {

  static final String ACCEPTED =
      "nodejs, python, java or provided (or AWS's nodejs20.x, python3.12, java21, provided.al2023)";

  private static final Pattern NODEJS = Pattern.compile("nodejs(\\d+\\.x)?");
  private static final Pattern PYTHON = Pattern.compile("python(3(\\.\\d+)?)?");
  private static final Pattern JAVA = Pattern.compile("java(\\d+(\\.al2)?)?");
  private static final Pattern PROVIDED = Pattern.compile("provided(\\.al2|\\.al2023)?");

  private RuntimeNames() {}

  static Optional<Runtime> parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (NODEJS.matcher(n).matches()) {
      return Optional.of(Runtime.NODEJS);
    }
    if (PYTHON.matcher(n).matches()) {
      return Optional.of(Runtime.PYTHON);
    }
    if (JAVA.matcher(n).matches()) {
      return Optional.of(Runtime.JAVA);
    }
    if (PROVIDED.matcher(n).matches()) {
      return Optional.of(Runtime.PROVIDED);
    }
    return Optional.empty();
  }

  /**
   * The runtime as GetFunction reports it: the definition's own name when it is one of AWS's
   * versioned identifiers ({@code nodejs20.x}, {@code python3.12}, {@code java21}, {@code
   * provided.al2023}), else the family's {@link Runtime#defaultId}.
   */
  static String reportedId(String name, Runtime runtime) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.chars().anyMatch(Character::isDigit) ? n : runtime.defaultId();
  }
}
