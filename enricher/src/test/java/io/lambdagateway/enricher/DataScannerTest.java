package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.enricher.fast.DataScanner;
import io.lambdagateway.transfer.TransferJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

@Label("The fast data scanner")
class DataScannerTest {

  private static final List<String> COVERED =
      List.of(
          "{\"appid\":\"rand_id_1\",\"payload\":{\"EMAIL\":\"1@gmail.com\",\"MOBILE\":\"0\"},"
              + "\"identity\":\"1@gmail.com\"}",
          " { \"payload\" : [ {} , [ -0.5e+3, 10, true, false, null ] ] , \"appid\" : null } ",
          "{}",
          "{\"x\":1e9999999999,\"y\":-12345678901234567890123}",
          "{\"payload\":\"text\",\"x\":{\"esc\":\"\\u00e9\\n\\\"\"},\"identity\":\"a\","
              + "\"identity\":\"b\"}",
          // DEL: valid JSON text, written back escaped, so covered inside containers only
          "{\"x\":{\"del\":\"a\u007fb\\\"\u007f\"},\"payload\":[\"\u007f\"]}");

  private static final List<String> REFUSED =
      List.of(
          "",
          "[]",
          "{",
          "{\"a\":1",
          "{} {}",
          "{\"a\":01}",
          "{\"a\":1.}",
          "{\"a\":-}",
          "{\"a\":tru}",
          "{\"appid\":7}",
          "{\"appid\":\"caf\u00e9\"}",
          "{\"appid\":\"a\\\"b\"}",
          "{\"app\\u0069d\":1}",
          "{\"a\":\"\\x\"}",
          "{\"a\":\"\\u12\"}",
          "{\"a\":[1,]}",
          "{,}",
          "{\"a\":1,}",
          "{'a':1}",
          "{\"a\":\"tab\there\"}",
          "{\"payload\":true}");

  @Example
  @Label("covers the usual rows, and reads them as DataReader does")
  void coversUsualRows() throws BadRowException {
    for (String json : COVERED) {
      assertThat(scan(json)).as(json).isTrue();
      assertSameAsDataReader(json);
    }
  }

  @Example
  @Label("refuses invalid JSON and every value it would not write back verbatim")
  void refusesTheRest() {
    for (String json : REFUSED) {
      assertThat(scan(json)).as(json).isFalse();
    }
  }

  @Property(tries = 1000)
  @Label("whatever it covers, DataReader accepts with the same column values")
  void agreesWithDataReader(@ForAll("data") String json) throws BadRowException {
    boolean covered = scan(json);
    Statistics.collect(covered);
    if (covered) {
      assertSameAsDataReader(json);
    }
    // Not vacuous: a good share of the generated texts must take the fast path.
    Statistics.coverage(checker -> checker.check(true).percentage(p -> p > 20));
  }

  @Provide
  Arbitrary<String> data() {
    return dataTexts();
  }

  /** Data JSON texts: usual rows, their mutations, and random JSON-like text. */
  static Arbitrary<String> dataTexts() {
    Arbitrary<String> usual = Arbitraries.of(COVERED);
    Arbitrary<String> mutated =
        Arbitraries.of(COVERED)
            .flatMap(
                json ->
                    Arbitraries.integers()
                        .between(0, json.length())
                        .flatMap(
                            at ->
                                Arbitraries.of(
                                        "",
                                        "\"",
                                        "{",
                                        "}",
                                        "[",
                                        "]",
                                        ",",
                                        ":",
                                        "1",
                                        "-",
                                        ".",
                                        "e",
                                        " ",
                                        "\\",
                                        "\\u",
                                        "n",
                                        "\u00e9",
                                        "\t",
                                        "\"appid\":",
                                        "0")
                                    .map(
                                        piece ->
                                            json.substring(0, at)
                                                + piece
                                                + json.substring(
                                                    Math.min(
                                                        json.length(),
                                                        at + (piece.length() % 2))))));
    Arbitrary<String> random =
        Arbitraries.strings()
            .withChars("{}[]\":,0123456789-+.eEtruefalsn " + "\\apyoldi\u00e9")
            .ofMaxLength(30);
    return Arbitraries.oneOf(usual, mutated, mutated, random);
  }

  private static boolean scan(String json) {
    byte[] buffer = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
    int length = buffer.length - 4;
    return new DataScanner().scan(buffer, 2, length);
  }

  /** The scanner's raw values must be what DataReader reads, written back as JSON. */
  private static void assertSameAsDataReader(String json) throws BadRowException {
    // Escaped for the query string, so that the row's data is exactly this JSON.
    String escaped = json.replace("%", "%25").replace("+", "%2B").replace("&", "%26");
    byte[] buffer = ("ts=1&data=" + escaped).getBytes(StandardCharsets.UTF_8);
    QueryRow row = QueryRow.parse(buffer, 0, buffer.length);
    DataScanner scanner = new DataScanner();
    assertThat(scanner.scan(row.dataBytes(), row.dataOffset(), row.dataLength())).isTrue();
    DataReader.DataFields expected = DataReader.readAlone(row);

    byte[] data = row.dataBytes();
    assertThat(raw(scanner, data, DataScanner.PAYLOAD_COLUMN))
        .as(json)
        .isEqualTo(written(expected.payload));
    assertThat(raw(scanner, data, DataScanner.APPID_COLUMN))
        .as(json)
        .isEqualTo(written(expected.appid));
    assertThat(raw(scanner, data, DataScanner.IDENTITY_COLUMN))
        .as(json)
        .isEqualTo(written(expected.identity));
  }

  private static String raw(DataScanner scanner, byte[] buffer, int column) {
    int start = scanner.start(column);
    return start < 0
        ? "null"
        : new String(buffer, start, scanner.end(column) - start, StandardCharsets.UTF_8);
  }

  /** The value as the generator writes it, which is what the fast path must copy. */
  private static String written(JsonNode value) {
    try {
      return TransferJson.write(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
