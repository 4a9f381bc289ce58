package io.lambdagateway.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every setting: a non-negative number, optionally with a decimal part,
 * then an optional unit {@code ms}, {@code s}, {@code m} or {@code h} (any case, blanks allowed
 * around it). A bare number is seconds. Examples: {@code 250ms}, {@code 30s}, {@code 1.5s}, {@code
 * 2m}, {@code 1h}, {@code 30}, {@code 0}. Sub-millisecond parts round to the nearest millisecond.
 */
public final class Durations {

  /** What the grammar accepts, as error messages and help say it. */
  public static final String ACCEPTED =
      "a duration such as 500ms, 30s, 2m or 1h (a bare number is seconds)";

  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with {@link #ACCEPTED} as message when it is not a duration
   */
  public static Duration parse(String text) {
    Matcher m = text == null ? null : DURATION.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(ACCEPTED);
    }
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    long millisPerUnit =
        switch (unit) {
          case "ms" -> 1;
          case "m" -> 60_000;
          case "h" -> 3_600_000;
          default -> 1_000;
        };
    BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(millisPerUnit));
    try {
      return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException(ACCEPTED);
    }
  }
}
