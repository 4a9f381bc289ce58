package io.lambdagateway.app.generate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code now} or an ISO-8601 instant such as {@code 2024-06-20T12:00:00Z}. */
final class Timestamps implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    if (value.equals("now")) {
      return Instant.now();
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      throw new TypeConversionException("now or an instant such as 2024-06-20T12:00:00Z");
    }
  }
}
