package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.transfer.ResponseForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The enricher command line")
class EnricherCliTest {

  private static final Supplier<String> NO_DISCOVERY =
      () -> {
        throw new AssertionError("the address must not be discovered here");
      };

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  @DisplayName("A batch file is answered on stdout with the golden (compact) response")
  void fileIsTransformed() {
    String demo = Golden.DIRECTORY.resolve("demo.request.json").toString();

    int status = run(new byte[0], Map.of(), "--ip", Golden.PUBLIC_IP, demo);

    assertThat(status).isZero();
    assertThat(out())
        .isEqualTo(
            Golden.compact(Golden.response("demo", ResponseForm.COMPACT)) + System.lineSeparator());
    assertThat(err()).isEmpty();
  }

  @Test
  @DisplayName("--output full answers with the full golden response, over ENRICHER_OUTPUT")
  void fullOutputOption() {
    String demo = Golden.DIRECTORY.resolve("demo.request.json").toString();

    int status =
        run(
            new byte[0],
            Map.of("ENRICHER_OUTPUT", "compact"),
            "--ip",
            Golden.PUBLIC_IP,
            "--output",
            "full",
            demo);

    assertThat(status).isZero();
    assertThat(out()).isEqualTo(Golden.compact(Golden.response("demo")) + System.lineSeparator());
  }

  @Test
  @DisplayName("Standard input is read when no file is given; options override the environment")
  void stdinWithOptions() {
    byte[] request =
        Batches.request(Batches.kafkaRecord(1, "ts=1&data={bad\n" + Batches.PRODUCER_ROW));

    int status =
        run(
            request,
            Map.of("ENRICHER_PUBLIC_IP", "192.0.2.1", "ENRICHER_SKIP_BAD_ROWS", "false"),
            "--skip-bad-rows",
            "--ip",
            "203.0.113.9");

    assertThat(status).isZero();
    assertThat(out())
        .contains("\"result\":\"Split\"")
        .contains("\"203.0.113.9\"")
        .doesNotContain("192.0.2.1");
  }

  @Test
  @DisplayName("The environment gives the address when --ip is absent")
  void environmentAddress() {
    int status = run(Golden.request("demo"), Map.of("ENRICHER_PUBLIC_IP", "192.0.2.1"), "-");

    assertThat(status).isZero();
    assertThat(out()).contains("\"192.0.2.1\"");
  }

  @Test
  @DisplayName("Malformed input exits 1 with one clear line on stderr and nothing on stdout")
  void malformedInputExitsOne() {
    int status =
        run("{\"Records\":[{}]}".getBytes(StandardCharsets.UTF_8), Map.of(), "--ip", "203.0.113.7");

    assertThat(status).isEqualTo(EnricherCli.BAD_INPUT);
    assertThat(out()).isEmpty();
    assertThat(err())
        .startsWith("enricher: malformed batch: a record has no 'cdc' change item")
        .hasLineCount(1);
  }

  @Test
  @DisplayName("A missing file exits 1 naming the file")
  void missingFileExitsOne() {
    int status = run(new byte[0], Map.of(), "--ip", "203.0.113.7", "no/such/file.json");

    assertThat(status).isEqualTo(EnricherCli.BAD_INPUT);
    assertThat(err()).isEqualToIgnoringNewLines("enricher: no such file: no/such/file.json");
  }

  @Test
  @DisplayName("Bad usage exits 2 with the usage line")
  void badUsageExitsTwo() {
    assertThat(run(new byte[0], Map.of(), "--frobnicate")).isEqualTo(EnricherCli.BAD_USAGE);
    assertThat(err()).contains("unknown option --frobnicate").contains("usage:");
    assertThat(run(new byte[0], Map.of(), "--ip")).isEqualTo(EnricherCli.BAD_USAGE);
    assertThat(err()).contains("--ip needs a value");
  }

  private int run(byte[] stdin, Map<String, String> environment, String... args) {
    return EnricherCli.run(
        args,
        new ByteArrayInputStream(stdin),
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8),
        environment,
        NO_DISCOVERY);
  }

  private String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }
}
