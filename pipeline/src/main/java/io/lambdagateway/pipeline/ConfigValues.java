package io.lambdagateway.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text forms of settings, as written in Transfer's Terraform example: sizes
 * ({@code "1MB"}, {@code "1.0 MB"}, {@code "512KB"}, {@code "1048576"}; KB/MB are binary, 1024-based),
 * durations ({@code "1s"}, {@code "500ms"}, {@code "2m"}, {@code "0"}) and header lists
 * ({@code "Name=Value,Other=Value"}).
 */
public final class ConfigValues {

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|KIB|MB|MIB)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(MS|S|M|H)?");

  private ConfigValues() {
  }

  /** A size in bytes. */
  public static int parseBytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + text + "' (e.g. 1MB, 512KB, 1000)");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    long multiplier = switch (unit) {
      case "KB", "KIB" -> 1024L;
      case "MB", "MIB" -> 1024L * 1024;
      default -> 1L;
    };
    return Math.toIntExact(Math.round(number * multiplier));
  }

  /** A duration; a bare number means seconds. */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 1s, 500ms, 2m)");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "S" : m.group(2);
    double millis = switch (unit) {
      case "MS" -> number;
      case "M" -> number * 60_000;
      case "H" -> number * 3_600_000;
      default -> number * 1000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  /** Headers from {@code "Name=Value,Other=Value"}; blank text gives none. */
  public static Map<String, String> parseHeaders(String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return headers;
    }
    for (String entry : text.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a header 'Name=Value': '" + entry + "'");
      }
      headers.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
    return headers;
  }
}
