package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.settings.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --item-layout}, {@code --on-poison} and {@code --on-exhausted} through the settings. */
class FailureOptionsTest {

  private static PipelineConfig parse(Map<String, String> env, String... args) {
    PipelineCommand command = new PipelineCommand();
    Settings.commandLine(command, env).parseArgs(args);
    return command.toConfig();
  }

  @Test
  @DisplayName("Defaults: 6 columns, poison records dead-lettered, exhausted batches stalled")
  void defaults() {
    PipelineConfig config = parse(Map.of());

    assertThat(config.itemLayout()).isEqualTo(ItemLayout.SIX);
    assertThat(config.onPoison()).isEqualTo(PoisonAction.DLQ);
    assertThat(config.onExhausted()).isEqualTo(ExhaustedAction.STALL);
  }

  @Test
  @DisplayName("Flags and environment variables set them; a flag beats its variable")
  void flagsAndVariables() {
    Map<String, String> env =
        Map.of(
            "PIPELINE_ITEM_LAYOUT", "5",
            "PIPELINE_ON_POISON", "stall",
            "PIPELINE_ON_EXHAUSTED", "dlq");

    assertThat(parse(env).itemLayout()).isEqualTo(ItemLayout.FIVE);
    assertThat(parse(env).onPoison()).isEqualTo(PoisonAction.STALL);
    PipelineConfig flags =
        parse(env, "--item-layout", "7", "--on-poison", "dlq", "--on-exhausted", "transform-error");
    assertThat(flags.itemLayout()).isEqualTo(ItemLayout.SEVEN);
    assertThat(flags.onPoison()).isEqualTo(PoisonAction.DLQ);
    assertThat(flags.onExhausted()).isEqualTo(ExhaustedAction.TRANSFORM_ERROR);
  }

  @Test
  @DisplayName("Other values are one-line usage errors naming the accepted ones")
  void usageErrors() {
    StringWriter errors = new StringWriter();

    assertThat(execute(errors, "--item-layout", "4")).isEqualTo(2);
    assertThat(execute(errors, "--on-poison", "skip")).isEqualTo(2);
    assertThat(execute(errors, "--on-exhausted", "drop")).isEqualTo(2);
    assertThat(errors.toString())
        .contains("5, 6 or 7", "dlq or stall", "stall, dlq or transform-error")
        .hasLineCount(3);
  }

  private static int execute(StringWriter errors, String... args) {
    CommandLine line = Settings.commandLine(new PipelineCommand(), Map.of());
    line.setErr(new PrintWriter(errors, true));
    return line.execute(args);
  }
}
