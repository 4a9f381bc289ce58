package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.app.Main;
import io.lambdagateway.settings.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

@DisplayName("The launcher's subcommands")
class LauncherTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> env, String... args) {
    return Main.commandLine(env, args)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  @DisplayName("--help lists gateway, produce, consume, pipeline and demo")
  void helpListsEverySubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("Commands:")
        .containsPattern("(?m)^  gateway ")
        .containsPattern("(?m)^  produce ")
        .containsPattern("(?m)^  consume ")
        .containsPattern("(?m)^  pipeline ")
        .containsPattern("(?m)^  demo ");
  }

  @Test
  @DisplayName("a named subcommand is the only one built; help and other first words get them all")
  void buildsTheNamedSubcommandOnly() {
    assertThat(Main.commandLine(Map.of(), new String[] {"gateway", "--port", "0"}).getSubcommands())
        .containsOnlyKeys("gateway");
    assertThat(Main.commandLine(Map.of(), new String[] {"--help"}).getSubcommands())
        .containsOnlyKeys(Main.commandLine(Map.of()).getSubcommands().keySet())
        .hasSize(8);
    assertThat(run("gatewya")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'gatewya'");
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"gateway", "produce", "consume", "pipeline", "demo", "broker"})
  @DisplayName("Each subcommand has its own help")
  void eachSubcommandHasHelp(String subcommand) {
    assertThat(run(subcommand, "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: lambda-gateway " + subcommand);
  }

  @Test
  @DisplayName("demo refuses a bad option with exit code 2 before starting anything")
  void demoRejectsBadOptions() {
    assertThat(run("demo", "--rows", "5..1")).isEqualTo(2);
    assertThat(err.toString()).contains("rows range");
  }

  @Test
  @DisplayName("demo refuses a bad gateway variable in one line with exit code 2")
  void demoRejectsBadGatewayVariables() {
    assertThat(run(Map.of("GATEWAY_MAX_SYNC_PAYLOAD", "lots"), "demo")).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "lambda-gateway demo: invalid value for env GATEWAY_MAX_SYNC_PAYLOAD: 'lots'")
                    .endsWith("; try 'lambda-gateway demo --help'"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "'', --port, 70000, GATEWAY_PORT, a whole number between 0 and 65535",
    "gateway, --function-timeout, soon, GATEWAY_FUNCTION_TIMEOUT, above 0: a duration",
    "produce, --rate, fast, PRODUCE_RATE, a number such as 2 or 0.5",
    "consume, --from, yesterday, CONSUME_FROM, latest or earliest",
    "pipeline, --buffer-size, 7MB, PIPELINE_BUFFER_SIZE, between 1 and 6291456",
    "demo, --duration, soon, DEMO_DURATION, a duration such as",
    "demo, --port, 70000, DEMO_PORT, between 0 and 65535",
    "broker, --port, 70000, BROKER_PORT, between 0 and 65535",
    "broker, --topic, orders:0, BROKER_TOPICS, NAME or NAME:PARTITIONS"
  })
  @DisplayName("A bad flag or variable of any subcommand is one line naming both, exit code 2")
  void oneLineErrors(
      String subcommand, String flag, String value, String variable, String accepted) {
    String command = ("lambda-gateway " + subcommand).strip();
    String expected =
        command
            + ": invalid value for "
            + flag
            + " (env "
            + variable
            + "): '"
            + value
            + "': "
            + accepted;
    String[] withFlag =
        subcommand.isEmpty() ? new String[] {flag, value} : new String[] {subcommand, flag, value};
    String[] withoutFlag = subcommand.isEmpty() ? new String[0] : new String[] {subcommand};

    assertThat(run(withFlag)).isEqualTo(2);
    assertThat(run(Map.of(variable, value), withoutFlag)).isEqualTo(2);

    assertThat(err.toString().lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line).startsWith(expected).endsWith("; try '" + command + " --help'"));
  }

  @ParameterizedTest(name = "{0} --version")
  @ValueSource(strings = {"", "gateway", "produce", "consume", "pipeline", "demo", "broker"})
  @DisplayName("-V/--version prints the version, for the launcher and every subcommand")
  void version(String subcommand) {
    String[] args =
        subcommand.isEmpty() ? new String[] {"--version"} : new String[] {subcommand, "-V"};

    assertThat(run(args)).isZero();
    assertThat(out.toString()).isEqualTo("lambda-gateway " + Version.number() + "\n");
  }

  @Test
  @DisplayName("Every option of every subcommand has a flag, a variable and a default in --help")
  void everyOptionHasAVariable() {
    CommandLine launcher = Main.commandLine(Map.of());
    for (CommandLine command : launcher.getSubcommands().values()) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        if (!option.usageHelp() && !option.versionHelp()) {
          assertThat(String.join(" ", option.description()))
              .as(command.getCommandName() + " " + option.longestName())
              .containsPattern("\\(env [A-Z0-9_]+, default: [^)]*\\)$");
        }
      }
    }
  }

  @Test
  @DisplayName("docs/configuration.md has the tables --help describes")
  void configurationReferenceIsCurrent() throws IOException {
    Path doc = Path.of("..", "docs", "configuration.md");
    String text = Files.readString(doc);
    String tables = ConfigurationTables.render(Main.commandLine(Map.of()));
    int start = text.indexOf(ConfigurationTables.BEGIN);
    int end = text.indexOf(ConfigurationTables.END);

    assertThat(start).as("markers in " + doc).isNotNegative();
    String current = text.substring(start, end + ConfigurationTables.END.length());
    if (!current.equals(tables)) {
      Files.writeString(Path.of("target", "configuration-tables.md"), tables);
    }
    assertThat(current)
        .as(
            "docs/configuration.md is out of date: paste "
                + "app/target/configuration-tables.md between its markers")
        .isEqualTo(tables);
  }
}
