package io.lambdagateway.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one size grammar of every setting: a non-negative number, optionally with a decimal part,
 * then an optional unit {@code B}, {@code KB}, {@code KiB}, {@code MB} or {@code MiB} (any case,
 * blanks allowed around it). KB and MB are binary, as in Transfer's Terraform example: 1 KB = 1024
 * bytes, 1 MB = 1024 KB. A bare number is bytes. Examples: {@code 1048576}, {@code 512KB}, {@code
 * 1MB}, {@code 1.5MB}, {@code 6MiB}. Fractions of a byte round to the nearest byte.
 */
public final class Sizes {

  /** What the grammar accepts, as error messages and help say it. */
  public static final String ACCEPTED =
      "a size such as 6291456, 512KB, 1MB or 1.5MB (KB and MB are 1024-based)";

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib)?", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /**
   * Parses {@code text} to bytes.
   *
   * @throws IllegalArgumentException with {@link #ACCEPTED} as message when it is not a size
   */
  public static long parse(String text) {
    Matcher m = text == null ? null : SIZE.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(ACCEPTED);
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long bytesPerUnit =
        switch (unit) {
          case "kb", "kib" -> 1024L;
          case "mb", "mib" -> 1024L * 1024;
          default -> 1L;
        };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(bytesPerUnit));
    try {
      return bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw new IllegalArgumentException(ACCEPTED);
    }
  }
}
