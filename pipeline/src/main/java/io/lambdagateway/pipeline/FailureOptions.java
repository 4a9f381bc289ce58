package io.lambdagateway.pipeline;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code pipeline} command's options on the request layout and on failed batches
 * ({@code @Mixin} it): {@code --item-layout}, {@code --on-poison} and {@code --on-exhausted}. Its
 * own class so that the command reads as a list of option groups.
 */
final class FailureOptions {

  @Option(
      names = "--item-layout",
      defaultValue = "${env:PIPELINE_ITEM_LAYOUT:-6}",
      converter = LayoutConverter.class,
      description =
          "Columns of a message's change item: 6 (topic, partition, offset, write_time, key, data;"
              + " base64), 5 (topic, partition, seq_no, write_time, data; text) or 7 (the 5 plus"
              + " meta, sequence_key), as engine versions send them.")
  ItemLayout itemLayout;

  @Option(
      names = "--on-poison",
      defaultValue = "${env:PIPELINE_ON_POISON:-dlq}",
      converter = PoisonConverter.class,
      description =
          "A batch that fails deterministically (413, Function.ResponseSizeTooLarge, the same"
              + " function error on every attempt): dlq = bisect it and dead-letter the failing"
              + " records, stall = handle it as a transient failure (--on-exhausted; by default"
              + " retried forever).")
  PoisonAction onPoison;

  @Option(
      names = "--on-exhausted",
      defaultValue = "${env:PIPELINE_ON_EXHAUSTED:-stall}",
      converter = ExhaustedConverter.class,
      description =
          "A batch whose retries of a transient failure ran out: stall = retry it forever, dlq ="
              + " dead-letter its records, transform-error = write its input items with a"
              + " __transform_error column, as the engine does.")
  ExhaustedAction onExhausted;

  /** Copies these options into {@code builder}. */
  void applyTo(PipelineConfigBuilder builder) {
    builder.itemLayout(itemLayout).onPoison(onPoison).onExhausted(onExhausted);
  }

  /** Accepts 5, 6 and 7. */
  static final class LayoutConverter implements ITypeConverter<ItemLayout> {
    @Override
    public ItemLayout convert(String value) {
      try {
        return ItemLayout.ofColumns(Integer.parseInt(value.trim()));
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("5, 6 or 7");
      }
    }
  }

  /** Accepts dlq and stall. */
  static final class PoisonConverter implements ITypeConverter<PoisonAction> {
    @Override
    public PoisonAction convert(String value) {
      try {
        return PoisonAction.parse(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("dlq or stall");
      }
    }
  }

  /** Accepts stall, dlq and transform-error. */
  static final class ExhaustedConverter implements ITypeConverter<ExhaustedAction> {
    @Override
    public ExhaustedAction convert(String value) {
      try {
        return ExhaustedAction.parse(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("stall, dlq or transform-error");
      }
    }
  }
}
