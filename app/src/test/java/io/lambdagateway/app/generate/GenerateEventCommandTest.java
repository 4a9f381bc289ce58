package io.lambdagateway.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.app.Main;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("generate-event")
class GenerateEventCommandTest {

  static final Path RESOURCES = Path.of("src", "test", "resources", "generate-event");
  static final String LINES = RESOURCES.resolve("lines.txt").toString();
  static final String TIME = "2024-06-20T12:00:00Z";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InputStream realStdin = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(realStdin);
  }

  int run(Map<String, String> env, String... args) {
    return Main.commandLine(env)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  int run(String... args) {
    return run(Map.of(), args);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "transfer-kafka-6.json, --layout=6",
    "transfer-kafka-5.json, --layout=5",
    "transfer-kafka-7.json, --layout=7",
  })
  @DisplayName("transfer-kafka wraps the lines of a file as the engine does, in each layout")
  void linesInEachLayout(String golden, String layout) throws IOException {
    int status =
        run(
            "generate-event",
            "transfer-kafka",
            "--input",
            LINES,
            layout,
            "--topic",
            "clicks",
            "--partition",
            "2",
            "--first-offset",
            "41",
            "--timestamp",
            TIME);

    assertThat(status).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo(golden(golden));
  }

  @Test
  @DisplayName("transfer-kafka items carry topic, partition, offsets, time and the line as data")
  void itemsCarryTheMessages() throws IOException {
    run(
        "generate-event",
        "transfer-kafka",
        "-i",
        LINES,
        "-t",
        "clicks",
        "-p",
        "2",
        "--first-offset",
        "41",
        "--timestamp",
        TIME);

    List<BatchRecord> records =
        BatchJson.readRequest(out.toString().getBytes(StandardCharsets.UTF_8));
    List<String> lines =
        Files.readAllLines(Path.of(LINES)).stream().filter(line -> !line.isBlank()).toList();
    assertThat(records).hasSize(2);
    for (int i = 0; i < records.size(); i++) {
      BatchRecord record = records.get(i);
      assertThat(record.cdc().table()).isEqualTo("clicks");
      assertThat(record.cdc().nextLsn()).isEqualTo(41 + i);
      assertThat(record.cdc().commitTime()).isEqualTo(1_718_884_800_000_000_000L);
      assertThat(record.envelope().eventId()).isEqualTo((41 + i) + ".0");
      assertThat(record.cdc().valueOf("partition").asInt()).isEqualTo(2);
      assertThat(record.cdc().valueOf("write_time").asText()).isEqualTo(TIME);
      assertThat(record.cdc().valueOf("key").isNull()).isTrue();
      byte[] data = Base64.getDecoder().decode(record.cdc().valueOf("data").asText());
      assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo(lines.get(i));
    }
  }

  @Test
  @DisplayName("transfer-kafka --demo N is the demo producer's seeded messages, the same every run")
  void demoMessagesAreSeeded() throws IOException {
    String[] args = {
      "generate-event",
      "transfer-kafka",
      "--demo",
      "2",
      "--rows",
      "1..3",
      "--seed",
      "7",
      "--timestamp",
      TIME
    };

    assertThat(run(args)).isZero();
    assertThat(out.toString()).isEqualTo(golden("transfer-kafka-demo.json"));
  }

  @Test
  @DisplayName("Options come from EVENT_* variables when no flag is given")
  void variables() {
    Map<String, String> env =
        Map.of(
            "EVENT_DEMO", "3", "EVENT_ROWS", "1", "EVENT_TOPIC", "from-env", "EVENT_LAYOUT", "5");

    assertThat(run(env, "generate-event", "transfer-kafka")).isZero();

    List<BatchRecord> records =
        BatchJson.readRequest(out.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(records).hasSize(3);
    assertThat(records.get(0).cdc().table()).isEqualTo("from-env");
    assertThat(records.get(0).cdc().columnNames()).hasSize(5);
  }

  @Test
  @DisplayName("transfer-kafka --input - reads standard input")
  void standardInput() {
    System.setIn(new ByteArrayInputStream("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(run("generate-event", "transfer-kafka", "--input", "-", "--layout", "5")).isZero();

    List<BatchRecord> records =
        BatchJson.readRequest(out.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(records)
        .extracting(record -> record.cdc().valueOf("data").asText())
        .containsExactly("one", "two", "three");
  }

  @Test
  @DisplayName("function-url wraps a body into the payload-format-2.0 event the gateway builds")
  void functionUrlEvent() throws IOException {
    int status =
        run(
            "generate-event",
            "function-url",
            "--body",
            RESOURCES.resolve("body.json").toString(),
            "--path",
            "/enricher?integration=raw",
            "--request-id",
            "c0ffee00-0000-4000-8000-000000000001",
            "--timestamp",
            TIME);

    assertThat(status).isZero();
    assertThat(out.toString()).isEqualTo(golden("function-url.json"));
  }

  @Test
  @DisplayName("function-url: a binary content type makes the body base64; no body, no body field")
  void functionUrlBodies() throws IOException {
    System.setIn(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    run(
        "generate-event",
        "function-url",
        "-b",
        "-",
        "--content-type",
        "application/octet-stream",
        "--method",
        "PUT");
    JsonNode binary = Json.MAPPER.readTree(out.toString());
    out.getBuffer().setLength(0);
    run("generate-event", "function-url", "--method", "GET", "--path", "/a?x=1&x=2");
    JsonNode empty = Json.MAPPER.readTree(out.toString());

    assertThat(binary.path("body").asText()).isEqualTo("AQID");
    assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(binary.at("/requestContext/http/method").asText()).isEqualTo("PUT");
    assertThat(empty.has("body")).isFalse();
    assertThat(empty.at("/queryStringParameters/x").asText()).isEqualTo("1,2");
    assertThat(empty.path("rawPath").asText()).isEqualTo("/a");
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''|name the event: transfer-kafka or function-url",
        "''|kinesis|Unmatched argument at index 1: 'kinesis'",
        "transfer-kafka|--layout 8|invalid value for --layout (env EVENT_LAYOUT): '8': 5, 6 or 7",
        "transfer-kafka|--input no/such.txt|invalid value for --input (env EVENT_INPUT):"
            + " 'no/such.txt': a readable file, or - for standard input",
        "transfer-kafka|--input - --demo 2|give --input or --demo, not both",
        "transfer-kafka|--timestamp soon|invalid value for --timestamp (env EVENT_TIMESTAMP):"
            + " 'soon': now or an instant",
        "transfer-kafka|--partition -1|invalid value for --partition (env EVENT_PARTITION):"
            + " '-1': between 0 and",
        "transfer-kafka|--input src|invalid value for --input (env EVENT_INPUT): 'src':"
            + " a readable file",
        "function-url|--body no/such.json|invalid value for --body (env EVENT_BODY):"
            + " 'no/such.json': a readable file",
      })
  @DisplayName("Usage errors are one line on stderr, exit code 2, nothing on stdout")
  void usageErrors(String event, String options, String message) {
    String command = ("lambda-gateway generate-event " + event).strip();
    List<String> args = new ArrayList<>(List.of("generate-event"));
    if (!event.isEmpty()) {
      args.add(event);
    }
    if (!options.isEmpty()) {
      args.addAll(List.of(options.split(" ")));
    }

    assertThat(run(args.toArray(String[]::new))).isEqualTo(2);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(command + ": " + message)
                    .endsWith("; try '" + command + " --help'"));
  }

  @Test
  @DisplayName("--help of each event names every option with its variable and default")
  void help() {
    List<String> helps = new ArrayList<>();
    for (String event : List.of("transfer-kafka", "function-url")) {
      out.getBuffer().setLength(0);
      assertThat(run("generate-event", event, "--help")).isZero();
      helps.add(out.toString().replaceAll("\\s+", " "));
    }

    assertThat(helps.get(0))
        .startsWith("Usage: lambda-gateway generate-event transfer-kafka")
        .contains("(env EVENT_INPUT, default: none)")
        .contains("(env EVENT_LAYOUT, default: 6)")
        .contains("(env EVENT_FIRST_OFFSET, default: 0)");
    assertThat(helps.get(1))
        .startsWith("Usage: lambda-gateway generate-event function-url")
        .contains("(env EVENT_PATH, default: /)")
        .contains("(env EVENT_METHOD, default: POST)");
  }

  static String golden(String name) throws IOException {
    return Files.readString(RESOURCES.resolve(name), StandardCharsets.UTF_8);
  }
}
