package io.lambdagateway.producer;

/**
 * How many rows one demo message holds: a uniform pick in {@code [min, max]}, both inclusive.
 *
 * @param min at least 1
 * @param max at least {@code min}
 */
public record RowsRange(int min, int max) {

  /** The public example's range: 1 to 100 rows per message. */
  public static final RowsRange DEMO = new RowsRange(1, 100);

  public RowsRange {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(
          "rows range needs 1 <= min <= max, got " + min + ".." + max);
    }
  }

  /** Parses {@code "MIN..MAX"} or a single number {@code "N"} (meaning N..N). */
  public static RowsRange parse(String text) {
    String trimmed = text.trim();
    int dots = trimmed.indexOf("..");
    try {
      if (dots < 0) {
        int rows = Integer.parseInt(trimmed);
        return new RowsRange(rows, rows);
      }
      return new RowsRange(
          Integer.parseInt(trimmed.substring(0, dots)),
          Integer.parseInt(trimmed.substring(dots + 2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "rows range must look like 1..100 or 5, got '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return min + ".." + max;
  }
}
