package io.lambdagateway.settings;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives each option its environment variable's value as default, from an injected environment
 * rather than the process's, so tests need no real variables. An option names its variable and
 * built-in default in picocli's own syntax, {@code defaultValue = "${env:NAME:-default}"}; a blank
 * variable counts as unset. {@link #adopt} also appends the same sentence, {@code (env NAME,
 * default: X)}, to every option's description.
 */
final class EnvDefaults implements IDefaultValueProvider {

  private static final Pattern ENV_DEFAULT =
      Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?}", Pattern.DOTALL);

  private final Map<String, String> env;
  private final Map<ArgSpec, String> variables = new IdentityHashMap<>();

  EnvDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    String variable = variables.get(arg);
    String value = variable == null ? null : env.get(variable);
    return value == null || value.isBlank() ? null : value;
  }

  Map<String, String> environment() {
    return env;
  }

  /** The environment variable of {@code option}, if it has one. */
  Optional<String> variable(ArgSpec option) {
    return Optional.ofNullable(variables.get(option));
  }

  /**
   * Rewrites {@code spec}'s options in place, in their order: the env part of each default moves
   * here, the built-in default stays, and the description gets its env and default sentence.
   */
  void adopt(CommandSpec spec) {
    List<OptionSpec> options = new ArrayList<>(spec.options());
    options.forEach(spec::remove);
    for (OptionSpec option : options) {
      spec.addOption(option.usageHelp() || option.versionHelp() ? option : rewrite(option));
    }
  }

  private OptionSpec rewrite(OptionSpec option) {
    OptionSpec.Builder builder = OptionSpec.builder(option);
    String declared = builder.defaultValue();
    Matcher m = declared == null ? null : ENV_DEFAULT.matcher(declared);
    String variable = m != null && m.matches() ? m.group(1) : null;
    String fallback = variable != null ? m.group(2) : declared;
    if (fallback != null && fallback.isEmpty()) {
      fallback = null;
    }
    String[] description = option.description().clone();
    String sentence =
        "("
            + (variable == null ? "" : "env " + variable + ", ")
            + "default: "
            + (fallback == null ? "none" : fallback)
            + ")";
    if (description.length == 0) {
      description = new String[] {sentence};
    } else {
      description[description.length - 1] += " " + sentence;
    }
    OptionSpec rewritten = builder.defaultValue(fallback).description(description).build();
    if (variable != null) {
      variables.put(rewritten, variable);
    }
    return rewritten;
  }
}
