package io.lambdagateway.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.consumer.ConsumeCommand;
import io.lambdagateway.consumer.JsonLines;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.lambdagateway.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@DisplayName("produce and consume commands")
class CommandLineTest {

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream statusBytes = new ByteArrayOutputStream();
  private final StringWriter usageErrors = new StringWriter();

  @Test
  @DisplayName(
      "produce -n 6 then consume --from earliest -n 6 prints the six seeded messages as JSON lines")
  void produceThenConsume() {
    String topic = KafkaNames.unique("cli");
    String bootstrap = SharedBroker.bootstrapServers();

    int produced =
        produce(
            "-b",
            bootstrap,
            "-t",
            topic,
            "-n",
            "6",
            "--rows",
            "2..3",
            "--seed",
            "9",
            "--partitions",
            "1");
    int consumed =
        consume(
            "-b",
            bootstrap,
            "-t",
            topic,
            "-g",
            KafkaNames.unique("cli-group"),
            "--from",
            "EARLIEST",
            "-n",
            "6");

    assertThat(produced).isZero();
    assertThat(consumed).isZero();
    DemoMessages expected = new DemoMessages(9, new RowsRange(2, 3));
    List<String> expectedLines =
        IntStream.range(0, 6).mapToObj(i -> JsonLines.toLine(expected.next())).toList();
    assertThat(text(outBytes).lines().filter(line -> !line.startsWith("produced")).toList())
        .containsExactlyElementsOf(expectedLines);
    assertThat(text(outBytes)).contains("produced 6 messages, 0 errors");
    assertThat(text(statusBytes)).contains("consumed 6 records in");
  }

  @Test
  @DisplayName("produce --input sends the file's lines")
  void produceFile(@TempDir Path dir) throws Exception {
    String topic = KafkaNames.unique("cli-file");
    Path file = Files.writeString(dir.resolve("rows.txt"), "{\"a\":1}\n{\"b\":2}\n");
    String bootstrap = SharedBroker.bootstrapServers();

    assertThat(
            produce("-b", bootstrap, "-t", topic, "--input", file.toString(), "--partitions", "1"))
        .isZero();
    assertThat(
            consume(
                "-b",
                bootstrap,
                "-t",
                topic,
                "--from",
                "earliest",
                "-n",
                "2",
                "-g",
                KafkaNames.unique("cli-group")))
        .isZero();

    assertThat(text(outBytes).lines().filter(line -> line.startsWith("{")).toList())
        .containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  @DisplayName(
      "--help lists the options with their environment variables, and bad options exit with 2")
  void helpAndUsageErrors() {
    StringWriter help = new StringWriter();
    CommandLine produceLine = Settings.commandLine(new ProduceCommand(), Map.of());
    produceLine.setOut(new PrintWriter(help));

    assertThat(produceLine.execute("--help")).isZero();
    assertThat(help.toString())
        .contains(
            "--bootstrap-servers",
            "KAFKA_BOOTSTRAP_SERVERS",
            "--rate",
            "--rows",
            "--input",
            "--max-in-flight",
            "KAFKA_SASL_PASSWORD");
    assertThat(help.toString().replaceAll("\\s+", " "))
        .contains(
            "(env PRODUCE_ROWS, default: 1..100)", "(env PRODUCE_PROGRESS_INTERVAL, default: 2s)");
    assertThat(produce("--rows", "0..5")).isEqualTo(2);
    assertThat(consume("--from", "yesterday")).isEqualTo(2);
    assertThat(consume("--security-protocol", "sasl_ssl")).isEqualTo(2);
    assertThat(usageErrors.toString())
        .contains("1 <= min <= max", "latest or earliest", "user name")
        .hasLineCount(3);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "produce, --rows, 0..5, PRODUCE_ROWS, a rows range such as 1..100 or 5",
    "produce, --rate, fast, PRODUCE_RATE, a number such as 2 or 0.5",
    "produce, --progress-seconds, often, PRODUCE_PROGRESS_INTERVAL, a duration such as 500ms",
    "consume, --from, yesterday, CONSUME_FROM, latest or earliest",
    "consume, --max-records, many, CONSUME_MAX_RECORDS, a whole number",
    "consume, --summary-only, maybe, CONSUME_SUMMARY_ONLY, true or false"
  })
  @DisplayName("A bad flag or variable is one line naming both, then exit code 2")
  void oneLineErrors(String command, String flag, String value, String variable, String accepted) {
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
    StringWriter fromFlag = new StringWriter();
    StringWriter fromEnv = new StringWriter();
    boolean isFlagWithoutValue = flag.equals("--summary-only");

    if (!isFlagWithoutValue) {
      assertThat(execute(command, Map.of(), fromFlag, flag, value)).isEqualTo(2);
      assertThat(fromFlag.toString())
          .startsWith(expected)
          .hasLineCount(1)
          .endsWith("; try '" + command + " --help'\n");
    }
    assertThat(execute(command, Map.of(variable, value), fromEnv)).isEqualTo(2);
    assertThat(fromEnv.toString())
        .startsWith(expected)
        .hasLineCount(1)
        .endsWith("; try '" + command + " --help'\n");
  }

  private int execute(String command, Map<String, String> env, StringWriter err, String... args) {
    Object subcommand = command.equals("produce") ? new ProduceCommand() : new ConsumeCommand();
    return Settings.commandLine(subcommand, env).setErr(new PrintWriter(err, true)).execute(args);
  }

  private int produce(String... args) {
    return execute(
        new ProduceCommand(new PrintStream(outBytes, true, StandardCharsets.UTF_8)), args);
  }

  private int consume(String... args) {
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream status = new PrintStream(statusBytes, true, StandardCharsets.UTF_8);
    return execute(new ConsumeCommand(out, status), args);
  }

  private int execute(Object command, String... args) {
    CommandLine line = Settings.commandLine(command, Map.of());
    line.setErr(new PrintWriter(usageErrors, true));
    return line.execute(args);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
