package io.lambdagateway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@DisplayName("The settings layer")
class SettingsTest {

  /** A command with one option of each kind the real commands have. */
  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class Probe implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:PROBE_PORT:-8080}", description = "TCP port.")
    int port;

    @Option(
        names = "--timeout",
        defaultValue = "${env:PROBE_TIMEOUT:-30s}",
        description = "Timeout.")
    Duration timeout;

    @Option(
        names = "--buffer",
        defaultValue = "${env:PROBE_BUFFER:-1MB}",
        converter = SizeConverter.class,
        description = "Buffer size.")
    long buffer;

    @Option(names = "--token", defaultValue = "${env:PROBE_TOKEN}", description = "Token.")
    String token;

    @Option(
        names = "--verbose",
        defaultValue = "${env:PROBE_VERBOSE:-false}",
        description = "Talk more.")
    boolean verbose;

    @Override
    public Integer call() {
      Settings.inRange(spec, "--port", port, 0, 65535);
      return 0;
    }
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine cli(Probe probe, Map<String, String> env) {
    return Settings.commandLine(probe, env)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  @Test
  @DisplayName("a flag beats its environment variable, which beats the built-in default")
  void precedence() {
    Probe probe = new Probe();
    cli(
            probe,
            Map.of(
                "PROBE_PORT",
                "9000",
                "PROBE_TIMEOUT",
                "2m",
                "PROBE_TOKEN",
                " ",
                "PROBE_VERBOSE",
                "TRUE"))
        .parseArgs("--port", "7000");

    assertThat(probe.port).isEqualTo(7000);
    assertThat(probe.timeout).isEqualTo(Duration.ofMinutes(2));
    assertThat(probe.buffer).isEqualTo(1024 * 1024);
    assertThat(probe.token).as("a blank variable is unset").isNull();
    assertThat(probe.verbose).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "flag | --port | http | "
            + "probe: invalid value for --port (env PROBE_PORT): 'http': a whole number",
        "flag | --timeout | soon | "
            + "probe: invalid value for --timeout (env PROBE_TIMEOUT): 'soon': "
            + Durations.ACCEPTED,
        "flag | --buffer | 1GB | "
            + "probe: invalid value for --buffer (env PROBE_BUFFER): '1GB': "
            + Sizes.ACCEPTED,
        "flag | --port | 70000 | "
            + "probe: invalid value for --port (env PROBE_PORT): '70000': between 0 and 65535",
        "env | PROBE_PORT | http | "
            + "probe: invalid value for --port (env PROBE_PORT): 'http': a whole number",
        "env | PROBE_TIMEOUT | 5d | "
            + "probe: invalid value for --timeout (env PROBE_TIMEOUT): '5d': "
            + Durations.ACCEPTED,
        "env | PROBE_VERBOSE | yes | "
            + "probe: invalid value for --verbose (env PROBE_VERBOSE): 'yes': true or false",
        "env | PROBE_PORT | 70000 | "
            + "probe: invalid value for --port (env PROBE_PORT): '70000': between 0 and 65535"
      })
  @DisplayName("a bad flag or variable value is one line naming both, then exit code 2")
  void oneLineErrors(String source, String name, String value, String expected) {
    String[] args = source.equals("flag") ? new String[] {name, value} : new String[0];
    Map<String, String> env = source.equals("env") ? Map.of(name, value) : Map.of();

    assertThat(cli(new Probe(), env).execute(args)).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(expected)
        .endsWith("; try 'probe --help'\n")
        .hasLineCount(1);
  }

  @Test
  @DisplayName("an unknown flag is one line too, without the usage text")
  void unknownFlag() {
    assertThat(cli(new Probe(), Map.of()).execute("--nope")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("probe: Unknown option: '--nope'; try 'probe --help'\n");
  }

  @Test
  @DisplayName("--help ends every description with its variable and built-in default")
  void help() {
    assertThat(cli(new Probe(), Map.of("PROBE_PORT", "1")).execute("--help")).isZero();

    assertThat(out.toString())
        .contains(
            "TCP port. (env PROBE_PORT, default: 8080)",
            "Timeout. (env PROBE_TIMEOUT, default: 30s)",
            "Buffer size. (env PROBE_BUFFER, default: 1MB)",
            "Token. (env PROBE_TOKEN, default: none)",
            "Talk more. (env PROBE_VERBOSE, default: false)");
  }

  @Test
  @DisplayName("-V and --version print the project version")
  void version() {
    assertThat(cli(new Probe(), Map.of()).execute("-V")).isZero();
    assertThat(cli(new Probe(), Map.of()).execute("--version")).isZero();

    assertThat(Version.number()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(out.toString()).isEqualTo(("lambda-gateway " + Version.number() + "\n").repeat(2));
  }
}
