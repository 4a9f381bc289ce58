package io.lambdagateway.enricher.fast;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.enricher.QueryRow;
import io.lambdagateway.transfer.ResponseOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

@Label("A row read in place")
class InPlaceRowTest {

  private static final String PRODUCER_ROW =
      "ts=2024-06-20T21:06:48Z&ip=FILL_ME&data={\"appid\":"
          + "\"rand_id_1\",\"payload\":{\"EMAIL\":\"1@gmail.com\",\"MOBILE\":\"0\"},"
          + "\"identity\":\"1@gmail.com\"}";

  @Property(tries = 3000)
  @Label("whatever it reads, it reads as QueryRow and the data scanner do")
  void asQueryRow(@ForAll("rows") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    InPlaceRow row = new InPlaceRow();
    DataScanner inPlaceData = new DataScanner();
    boolean read = row.read(bytes, 0, bytes.length, inPlaceData);
    Statistics.collect(read);
    if (read) {
      QueryRow expected = QueryRow.parse(bytes, 0, bytes.length);
      assertThat(row.end()).isEqualTo(expected.end());
      assertThat(row.hasTs()).isEqualTo(expected.hasTs());
      if (row.hasTs()) {
        assertThat(slice(bytes, row.tsStart(), row.tsLength()))
            .isEqualTo(slice(expected.tsBytes(), expected.tsOffset(), expected.tsLength()));
        String ts = new String(slice(bytes, row.tsStart(), row.tsLength()), StandardCharsets.UTF_8);
        assertThat(row.isTsPlain()).isEqualTo(ResponseOutput.isPlain(ts));
      }
      assertThat(row.hasData()).isEqualTo(expected.hasData());
      if (row.hasData()) {
        DataScanner decodedData = new DataScanner();
        assertThat(
                decodedData.scan(
                    expected.dataBytes(), expected.dataOffset(), expected.dataLength()))
            .isTrue();
        for (int column = 0; column < 3; column++) {
          assertThat(column(bytes, inPlaceData, column))
              .isEqualTo(column(expected.dataBytes(), decodedData, column));
        }
      }
    }
    // Not vacuous: both answers must be given for a good share of the rows.
    Statistics.coverage(
        checker -> {
          checker.check(true).percentage(p -> p > 20);
          checker.check(false).percentage(p -> p > 20);
        });
  }

  @Example
  @Label("reads the demo producer's row in place, and stops at its end")
  void producerRow() {
    byte[] bytes = (PRODUCER_ROW + "\nnext").getBytes(StandardCharsets.UTF_8);
    InPlaceRow row = new InPlaceRow();
    DataScanner data = new DataScanner();

    assertThat(row.read(bytes, 0, bytes.length, data)).isTrue();
    assertThat(row.end()).isEqualTo(PRODUCER_ROW.length());
    assertThat(new String(slice(bytes, row.tsStart(), row.tsLength()), StandardCharsets.UTF_8))
        .isEqualTo("2024-06-20T21:06:48Z");
    assertThat(column(bytes, data, DataScanner.APPID_COLUMN)).isEqualTo("\"rand_id_1\"");
  }

  @Example
  @Label("hands back rows whose bytes mean something else once decoded")
  void handsBackEscapes() {
    for (String text :
        new String[] {
          "ts=a+b&data={}",
          "ts=1&data={\"appid\":\"a&b\"}",
          "ts=1&data={\"appid\":\"50%25\"}",
          "ts=1&data={\"x\":1e+5}",
          "ts=1&data={\n}",
          "ts=1&data=%7B%7D",
          "t%73=1&data={}",
          "ts=1&data={}x"
        }) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(new InPlaceRow().read(bytes, 0, bytes.length, new DataScanner()))
          .as(text)
          .isFalse();
    }
  }

  @Provide
  Arbitrary<String> rows() {
    Arbitrary<String> name = Arbitraries.of("ts", "data", "ip", "t%73", "da+ta", "x", "", "?ts");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "2024-06-20T21:06:48Z",
                "",
                "a+b",
                "x%20y",
                "=a",
                "1",
                "t\"1",
                "caf\u00e9",
                "a\tb",
                "a\\b",
                "\u007f"),
            json());
    Arbitrary<String> parameter =
        Arbitraries.oneOf(
            net.jqwik.api.Combinators.combine(name, value).as((n, v) -> n + "=" + v), name);
    Arbitrary<String> built =
        parameter
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(parameters -> String.join("&", parameters))
            .flatMap(
                row -> Arbitraries.of("", "\n", "\nts=2&data={}", "&").map(after -> row + after));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, built),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(PRODUCER_ROW)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "\n", "?", "??ts=1&data={}")));
  }

  /** Covered objects, some with a form byte or a newline put in at a random place. */
  private static Arbitrary<String> json() {
    Arbitrary<String> covered =
        Arbitraries.of(
            "{\"appid\":\"rand_id_1\",\"payload\":{\"EMAIL\":\"1@gmail.com\"},\"identity\":\"i\"}",
            " { \"payload\" : [ {} , [ -0.5e-3, 10, true, null ] ] , \"appid\" : null } ",
            "{}",
            "{\"x\":\"a=b\",\"identity\":\"i\\u0026\"}");
    return covered.flatMap(
        text ->
            Arbitraries.integers()
                .between(0, text.length())
                .flatMap(
                    at ->
                        Arbitraries.of("", "", "&", "%", "%41", "+", "\n", "=", "e+1", "\r")
                            .map(piece -> text.substring(0, at) + piece + text.substring(at))));
  }

  private static String column(byte[] bytes, DataScanner scanner, int column) {
    int start = scanner.start(column);
    return start < 0
        ? null
        : new String(bytes, start, scanner.end(column) - start, StandardCharsets.UTF_8);
  }

  private static byte[] slice(byte[] bytes, int offset, int length) {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }
}
