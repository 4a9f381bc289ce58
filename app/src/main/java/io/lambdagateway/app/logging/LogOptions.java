package io.lambdagateway.app.logging;

import ch.qos.logback.classic.Level;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The logging settings of every subcommand ({@link #addTo} the launcher): {@code LOG_LEVEL} /
 * {@code --log-level} and {@code LOG_FORMAT} / {@code --log-format}. They apply as soon as they are
 * parsed, before the command runs. The level is the root logger's: loggers the configuration pins
 * (Kafka, Netty at WARN) keep their level.
 */
public final class LogOptions {

  /**
   * Mixes these options into {@code command} and all its subcommands, before the settings layer
   * gives them their environment defaults. (picocli's inherited scope does not survive that layer
   * rewriting each command's options: the copies would be added twice.)
   */
  public static void addTo(CommandSpec command) {
    command.addMixin("logging", CommandSpec.forAnnotatedObject(new LogOptions()));
    command.subcommands().values().forEach(sub -> addTo(sub.getCommandSpec()));
  }

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "${env:LOG_LEVEL:-INFO}",
      converter = LevelConverter.class,
      description = "Level of log lines: ERROR, WARN, INFO, DEBUG or TRACE.")
  void level(Level level) {
    LogSetup.rootLevel(level);
  }

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "${env:LOG_FORMAT:-text}",
      converter = FormatConverter.class,
      description = "Log lines (stderr) as text, or as one JSON object per line.")
  void format(LogFormat format) {
    LogSetup.format(format);
  }

  /** Accepts the five SLF4J level names in any case. */
  static final class LevelConverter implements ITypeConverter<Level> {
    private static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    @Override
    public Level convert(String value) {
      String name = value.trim().toUpperCase(Locale.ROOT);
      if (!LEVELS.contains(name)) {
        throw new TypeConversionException("ERROR, WARN, INFO, DEBUG or TRACE");
      }
      return Level.toLevel(name);
    }
  }

  /** Accepts {@code text} or {@code json} in any case. */
  static final class FormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("text or json");
      }
    }
  }
}
