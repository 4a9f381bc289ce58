package io.lambdagateway.app.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Renders the configuration reference of docs/configuration.md (one Markdown table per subcommand)
 * from the options themselves, so the document cannot drift from {@code --help}.
 */
final class ConfigurationTables {

  static final String BEGIN = "<!-- tables generated from the code: LauncherTest -->";
  static final String END = "<!-- end of generated tables -->";

  private static final Pattern SENTENCE =
      Pattern.compile("(.*?)\\s*\\((?:env ([A-Z0-9_]+), )?default: (.*)\\)$", Pattern.DOTALL);

  private ConfigurationTables() {}

  static String render(CommandLine launcher) {
    StringBuilder md = new StringBuilder(BEGIN).append("\n");
    launcher
        .getSubcommands()
        .forEach(
            (name, command) -> {
              md.append("\n### ")
                  .append(name)
                  .append("\n\n")
                  .append("| Flag | Environment variable | Default | Meaning |\n")
                  .append("| --- | --- | --- | --- |\n");
              for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                  md.append(row(option));
                }
              }
            });
    return md.append("\n").append(END).toString();
  }

  private static String row(OptionSpec option) {
    Matcher m = SENTENCE.matcher(String.join(" ", option.description()));
    if (!m.matches()) {
      throw new IllegalStateException("no env/default sentence: " + option.longestName());
    }
    return "| `"
        + String.join("`, `", option.names())
        + "` | "
        + (m.group(2) == null ? "" : "`" + m.group(2) + "`")
        + " | `"
        + m.group(3)
        + "` | "
        + m.group(1).replace("|", "\\|")
        + " |\n";
  }
}
