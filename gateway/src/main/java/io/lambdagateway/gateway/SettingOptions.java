package io.lambdagateway.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one command-line flag per {@link Setting} to a picocli command
 * ({@code @Command(modelTransformer = SettingOptions.class)}), defaulting to its environment
 * variable, then to its built-in default, in the {@code ${env:NAME:-default}} form every command
 * uses (see {@code io.lambdagateway.settings.Settings}). The values stay text: {@link
 * GatewayConfig#fromSettings} converts them with the shared grammars.
 */
public final class SettingOptions implements IModelTransformer {

  /**
   * Adds the flags once: picocli transforms a command again when it becomes the subcommand of a
   * command line built after it (the launcher adds its subcommands that way).
   */
  @Override
  public CommandSpec transform(CommandSpec spec) {
    if (spec.findOption(Setting.values()[0].flag()) != null) {
      return spec;
    }
    for (Setting s : Setting.values()) {
      OptionSpec.Builder option =
          OptionSpec.builder(s.flag())
              .type(String.class)
              .paramLabel("<" + s.envName() + ">")
              .defaultValue("${env:" + s.envName() + ":-" + s.defaultValue() + "}")
              .description(s.description());
      if (s.defaultValue().equals("false")) {
        option.arity("0..1").fallbackValue("true");
      }
      if (s.repeatable()) {
        option
            .type(List.class)
            .auxiliaryTypes(String.class)
            .splitRegex(Setting.SEPARATOR)
            .arity("1");
      }
      spec.addOption(option.build());
    }
    return spec;
  }

  /**
   * The settings of a parsed command, keyed by environment-variable name, for {@link
   * GatewayConfig#fromSettings}: each is its flag, else its variable, else absent. The values of a
   * repeatable flag are joined as its variable holds them.
   */
  public static Map<String, String> values(CommandSpec spec) {
    Map<String, String> values = new HashMap<>();
    for (Setting s : Setting.values()) {
      OptionSpec option = spec.findOption(s.flag());
      Object value = option == null ? null : option.getValue();
      if (value instanceof List<?> list) {
        values.put(
            s.envName(),
            String.join(Setting.SEPARATOR, list.stream().map(String::valueOf).toList()));
      } else if (value != null) {
        values.put(s.envName(), value.toString());
      }
    }
    return values;
  }
}
