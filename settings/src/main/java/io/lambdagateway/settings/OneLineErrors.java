package io.lambdagateway.settings;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Reports a bad command line or environment in one line on stderr, and exits with 2 without the
 * usage text: {@code <command>: invalid value for <FLAG> (env <VAR>): '<value>': <what is
 * accepted>; try '<command> --help'}. Errors not tied to one value (an unknown flag, settings that
 * do not fit together) say {@code <command>: <message>; try '<command> --help'}.
 */
final class OneLineErrors implements IParameterExceptionHandler {

  /** Exit code of every usage error. */
  static final int EXIT_CODE = 2;

  private final EnvDefaults defaults;

  OneLineErrors(EnvDefaults defaults) {
    this.defaults = defaults;
  }

  @Override
  public int handleParseException(ParameterException error, String[] args) {
    CommandLine cli = error.getCommandLine();
    String command = cli.getCommandSpec().qualifiedName();
    cli.getErr().println(command + ": " + describe(error) + "; try '" + command + " --help'");
    cli.getErr().flush();
    return EXIT_CODE;
  }

  private String describe(ParameterException error) {
    if (error.getArgSpec() instanceof OptionSpec option && error.getValue() != null) {
      String accepted =
          error.getCause() instanceof TypeConversionException conversion
              ? conversion.getMessage()
              : error.getMessage();
      return "invalid value for "
          + option.longestName()
          + defaults.variable(option).map(v -> " (env " + v + ")").orElse("")
          + ": '"
          + error.getValue()
          + "': "
          + firstLine(accepted);
    }
    return firstLine(error.getMessage());
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "invalid command line";
    }
    String line = text.strip();
    int end = line.indexOf('\n');
    return end < 0 ? line : line.substring(0, end).strip();
  }
}
