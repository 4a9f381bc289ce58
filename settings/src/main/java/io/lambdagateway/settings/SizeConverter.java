package io.lambdagateway.settings;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converter of a {@code long} byte count written in the {@link Sizes} grammar. */
public final class SizeConverter implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    try {
      return Sizes.parse(value);
    } catch (IllegalArgumentException invalid) {
      throw new TypeConversionException(invalid.getMessage());
    }
  }
}
