package io.lambdagateway.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.consumer.ConsumeCommand;
import io.lambdagateway.consumer.JsonLines;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("produce and consume commands")
class CommandLineTest {

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream statusBytes = new ByteArrayOutputStream();
  private final StringWriter usageErrors = new StringWriter();

  @Test
  @DisplayName("produce -n 6 then consume --from earliest -n 6 prints the six seeded messages as JSON lines")
  void produceThenConsume() {
    String topic = KafkaNames.unique("cli");
    String bootstrap = SharedBroker.bootstrapServers();

    int produced = produce("-b", bootstrap, "-t", topic, "-n", "6", "--rows", "2..3", "--seed", "9",
      "--partitions", "1");
    int consumed = consume("-b", bootstrap, "-t", topic, "-g", KafkaNames.unique("cli-group"),
      "--from", "EARLIEST", "-n", "6");

    assertThat(produced).isZero();
    assertThat(consumed).isZero();
    DemoMessages expected = new DemoMessages(9, new RowsRange(2, 3));
    List<String> expectedLines = IntStream.range(0, 6).mapToObj(i -> JsonLines.toLine(expected.next())).toList();
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

    assertThat(produce("-b", bootstrap, "-t", topic, "--input", file.toString(), "--partitions", "1")).isZero();
    assertThat(consume("-b", bootstrap, "-t", topic, "--from", "earliest", "-n", "2",
      "-g", KafkaNames.unique("cli-group"))).isZero();

    assertThat(text(outBytes).lines().filter(line -> line.startsWith("{")).toList())
      .containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  @DisplayName("--help lists the options with their environment variables, and bad options exit with 2")
  void helpAndUsageErrors() {
    StringWriter help = new StringWriter();
    CommandLine produceLine = new CommandLine(new ProduceCommand());
    produceLine.setOut(new PrintWriter(help));

    assertThat(produceLine.execute("--help")).isZero();
    assertThat(help.toString()).contains("--bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "--rate", "--rows",
      "--input", "--max-in-flight", "KAFKA_SASL_PASSWORD");
    assertThat(produce("--rows", "0..5")).isEqualTo(2);
    assertThat(consume("--from", "yesterday")).isEqualTo(2);
    assertThat(consume("--security-protocol", "sasl_ssl")).isEqualTo(2);
    assertThat(usageErrors.toString()).contains("1 <= min <= max", "latest or earliest", "user name");
  }

  private int produce(String... args) {
    return execute(new ProduceCommand(new PrintStream(outBytes, true, StandardCharsets.UTF_8)), args);
  }

  private int consume(String... args) {
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream status = new PrintStream(statusBytes, true, StandardCharsets.UTF_8);
    return execute(new ConsumeCommand(out, status), args);
  }

  private int execute(Object command, String... args) {
    CommandLine line = new CommandLine(command);
    line.setErr(new PrintWriter(usageErrors, true));
    return line.execute(args);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
