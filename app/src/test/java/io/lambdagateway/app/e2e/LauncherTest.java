package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@DisplayName("The launcher's subcommands")
class LauncherTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  @DisplayName("--help lists gateway, produce, consume, pipeline and demo")
  void helpListsEverySubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Commands:")
        .containsPattern("(?m)^  gateway ").containsPattern("(?m)^  produce ")
        .containsPattern("(?m)^  consume ").containsPattern("(?m)^  pipeline ")
        .containsPattern("(?m)^  demo ");
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
}
