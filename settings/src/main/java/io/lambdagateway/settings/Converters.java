package io.lambdagateway.settings;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters every command shares, registered by type so that every option of that type uses
 * them and refuses a bad value with the same words: durations ({@link Durations}), whole numbers,
 * numbers and booleans.
 */
final class Converters {

  private Converters() {}

  static void registerAll(CommandLine cli) {
    cli.registerConverter(Duration.class, text -> convert(() -> Durations.parse(text)));
    ITypeConverter<Integer> integer =
        text -> whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
    ITypeConverter<Long> longInteger = text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
    ITypeConverter<Short> shortInteger =
        text -> whole(text, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
    ITypeConverter<Double> number = Converters::number;
    ITypeConverter<Boolean> bool = Converters::bool;
    cli.registerConverter(Integer.class, integer)
        .registerConverter(int.class, integer)
        .registerConverter(Long.class, longInteger)
        .registerConverter(long.class, longInteger)
        .registerConverter(Short.class, shortInteger)
        .registerConverter(short.class, shortInteger)
        .registerConverter(Double.class, number)
        .registerConverter(double.class, number)
        .registerConverter(Boolean.class, bool)
        .registerConverter(boolean.class, bool);
  }

  private static Long whole(String text, long min, long max) {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notWhole) {
      // reported below with the range
    }
    throw new TypeConversionException("a whole number between " + min + " and " + max);
  }

  private static Double number(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException notNumber) {
      throw new TypeConversionException("a number such as 2 or 0.5");
    }
  }

  private static Boolean bool(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return Boolean.valueOf(t);
    }
    throw new TypeConversionException("true or false");
  }

  private static <T> T convert(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException invalid) {
      throw new TypeConversionException(invalid.getMessage());
    }
  }
}
