package io.lambdagateway.settings;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one settings layer of every command. Each option is a picocli {@code @Option} (or a
 * programmatic {@code OptionSpec}) with a flag and {@code defaultValue = "${env:NAME:-default}"};
 * {@link #commandLine} then gives the command and all its subcommands:
 *
 * <ul>
 *   <li>precedence flag &gt; environment variable (non-blank) &gt; built-in default, the
 *       environment being the map passed in (the process's in production);
 *   <li>shared converters: durations ({@link Durations}), sizes ({@link SizeConverter}), whole
 *       numbers, numbers, booleans;
 *   <li>one help style: every description ends with {@code (env NAME, default: X)};
 *   <li>one error style: one line naming flag, variable, value and what is accepted, then {@code
 *       try '<command> --help'}; exit code 2;
 *   <li>{@code -V/--version} printing {@link Version}.
 * </ul>
 */
public final class Settings {

  private Settings() {}

  /** A command line for {@code command} whose defaults come from {@code env}. */
  public static CommandLine commandLine(Object command, Map<String, String> env) {
    CommandLine cli = new CommandLine(command);
    EnvDefaults defaults = new EnvDefaults(env);
    Converters.registerAll(cli);
    configure(
        cli,
        defaults,
        new OneLineErrors(defaults),
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return cli;
  }

  /**
   * The environment {@code spec}'s defaults come from (the map given to {@link #commandLine}), for
   * settings read by name rather than through options, such as the gateway's inside the demo.
   */
  public static Map<String, String> environment(CommandSpec spec) {
    return spec.defaultValueProvider() instanceof EnvDefaults env
        ? env.environment()
        : System.getenv();
  }

  /**
   * A usage error (exit code 2, reported in one line) for a value that converted fine but is not
   * allowed, e.g. out of range.
   *
   * @param flag the option's name, e.g. {@code --port}
   * @param accepted what the option accepts, e.g. {@code a port between 0 and 65535}
   */
  public static ParameterException invalid(
      CommandSpec spec, String flag, Object value, String accepted) {
    OptionSpec option = spec.findOption(flag);
    return new ParameterException(
        spec.commandLine(), accepted, option, asWritten(spec, option, value));
  }

  /** The text {@code value} came from: the flag's, else the variable's, else the default's. */
  private static String asWritten(CommandSpec spec, OptionSpec option, Object value) {
    if (option == null) {
      return String.valueOf(value);
    }
    List<String> given = option.originalStringValues();
    if (!given.isEmpty()) {
      return given.get(given.size() - 1);
    }
    String fromEnv =
        spec.defaultValueProvider() instanceof EnvDefaults env ? env.defaultValue(option) : null;
    if (fromEnv != null) {
      return fromEnv;
    }
    return option.defaultValue() != null ? option.defaultValue() : String.valueOf(value);
  }

  /**
   * {@code value} when it lies in {@code min..max}.
   *
   * @throws ParameterException as {@link #invalid} when it does not
   */
  public static long inRange(CommandSpec spec, String flag, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(spec, flag, value, "between " + min + " and " + max);
    }
    return value;
  }

  private static void configure(
      CommandLine cli, EnvDefaults defaults, OneLineErrors errors, Set<CommandSpec> done) {
    CommandSpec spec = cli.getCommandSpec();
    if (!done.add(spec)) {
      return;
    }
    defaults.adopt(spec);
    spec.defaultValueProvider(defaults);
    spec.versionProvider(new Version());
    cli.setParameterExceptionHandler(errors);
    cli.getSubcommands().values().forEach(sub -> configure(sub, defaults, errors, done));
  }
}
