package io.lambdagateway.app.generate;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a JSON document on a command's standard output, followed by a newline. Characters beyond
 * ASCII are written as JSON {@code \\uXXXX} escapes: JSON text can hold them only inside strings,
 * where the escape means the same character, so the output reads the same whatever the terminal's
 * encoding.
 */
public final class EventOutput {

  private EventOutput() {}

  /** Prints {@code json} (UTF-8) and a newline. */
  public static void print(CommandSpec spec, byte[] json) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(asciiOnly(new String(json, StandardCharsets.UTF_8)));
    out.flush();
  }

  /** {@code json} with every character beyond ASCII written as a JSON escape. */
  public static String asciiOnly(String json) {
    StringBuilder ascii = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c > 0x7F && ascii == null) {
        ascii = new StringBuilder(json.length() + 16).append(json, 0, i);
      }
      if (ascii != null) {
        if (c > 0x7F) {
          ascii.append(String.format("\\u%04x", (int) c));
        } else {
          ascii.append(c);
        }
      }
    }
    return ascii == null ? json : ascii.toString();
  }
}
