package io.lambdagateway.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the pipeline's own text forms of settings: header lists ({@code
 * "Name=Value,Other=Value"}). Sizes and durations use the grammars every command shares ({@code
 * io.lambdagateway.settings.Sizes} and {@code Durations}).
 */
public final class ConfigValues {

  private ConfigValues() {}

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
