package io.lambdagateway.gateway;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one command-line flag per {@link Setting} to a picocli command
 * ({@code @Command(modelTransformer = SettingOptions.class)}), and merges the flags given over the
 * environment: a flag beats its environment variable, which beats the default.
 */
public final class SettingOptions implements IModelTransformer {

  @Override
  public CommandSpec transform(CommandSpec spec) {
    for (Setting s : Setting.values()) {
      OptionSpec.Builder option = OptionSpec.builder(s.flag())
          .type(String.class)
          .paramLabel("<" + s.envName() + ">")
          .description(s.description() + " Env: " + s.envName() + ". Default: "
              + (s.defaultValue().isEmpty() ? "unset" : s.defaultValue()) + ".");
      if (s.defaultValue().equals("false")) {
        option.arity("0..1").fallbackValue("true");
      }
      spec.addOption(option.build());
    }
    return spec;
  }

  /** The settings keyed by environment-variable name: {@code env}, overridden by given flags. */
  public static Map<String, String> merge(Map<String, String> env, CommandSpec spec) {
    Map<String, String> merged = new HashMap<>(env);
    for (Setting s : Setting.values()) {
      OptionSpec option = spec.findOption(s.flag());
      if (option != null && option.getValue() != null) {
        merged.put(s.envName(), option.getValue());
      }
    }
    return merged;
  }
}
