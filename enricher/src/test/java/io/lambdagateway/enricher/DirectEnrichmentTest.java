package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.enricher.fast.DirectEnrichment;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.ResponseOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast path must write exactly what the generic path (change-item objects and Jackson's
 * generator) writes, for every record, including those it hands back to the generic path.
 */
@Label("The direct enrichment path")
class DirectEnrichmentTest {

  private static final String IP = "203.0.113.7";

  @Property(tries = 400)
  @Label("writes the generic path's bytes for any mix of usual and unusual rows")
  void sameBytesAsTheGenericPath(
      @ForAll("values") @Size(max = 6) List<String> values,
      @ForAll boolean skipBadRows,
      @ForAll("addresses") String ip,
      @ForAll ResponseForm form) {
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      records.add(Batches.kafkaRecord(1000 + i, values.get(i)));
    }
    EnricherConfig config = new EnricherConfig(ip, skipBadRows, form);
    byte[] request = BatchJson.writeRequest(records);

    byte[] direct = Enricher.create(config).transform(request);

    assertThat(text(direct)).isEqualTo(text(generic(config, records)));
    for (BatchRecord record : records) {
      Statistics.collect(new DirectEnrichment(ip, form).tryWrite(record, new ResponseOutput(64)));
    }
    // Not vacuous: both paths must be taken by a good share of the records.
    Statistics.coverage(
        checker -> {
          checker.check(true).percentage(p -> p > 10);
          checker.check(false).percentage(p -> p > 10);
        });
  }

  @Example
  @Label("takes the demo producer's records itself, and hands back the others untouched")
  void coversTheDemoShape() {
    DirectEnrichment direct = new DirectEnrichment(IP, ResponseForm.COMPACT);
    ResponseOutput out = new ResponseOutput(16);

    boolean demo =
        direct.tryWrite(
            Batches.kafkaRecord(1, Batches.PRODUCER_ROW + "\n" + Batches.PRODUCER_ROW), out);
    int written = out.length();
    boolean quote = direct.tryWrite(Batches.kafkaRecord(2, "ts=%22&data={}"), out);
    boolean bad = direct.tryWrite(Batches.kafkaRecord(3, "ts=1&data={"), out);
    boolean empty = direct.tryWrite(Batches.kafkaRecord(4, "\n\n"), out);

    assertThat(demo).isTrue();
    assertThat(quote).isFalse();
    assertThat(bad).isFalse();
    assertThat(empty).isFalse();
    assertThat(out.length()).isEqualTo(written);
  }

  @Example
  @Label("a record of usual rows in a batch of several is written by the fast path exactly")
  void demoBatchMatchesGeneric() {
    List<BatchRecord> records =
        List.of(
            Batches.kafkaRecord(1, Batches.PRODUCER_ROW),
            Batches.kafkaRecord(2, null),
            Batches.kafkaRecord(3, Batches.PRODUCER_ROW + "\n\n" + Batches.PRODUCER_ROW + "\n"));
    for (ResponseForm form : ResponseForm.values()) {
      EnricherConfig config = new EnricherConfig(IP, false, form);

      byte[] direct = Enricher.create(config).transform(BatchJson.writeRequest(records));

      assertThat(text(direct)).isEqualTo(text(generic(config, records)));
    }
  }

  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> value = rows().list().ofMaxSize(5).map(rows -> String.join("\n", rows));
    return Arbitraries.oneOf(value, value, Arbitraries.just(""), Arbitraries.just(null)).list();
  }

  @Provide
  Arbitrary<String> addresses() {
    return Arbitraries.of(IP, "2001:db8::1", "we\"ird");
  }

  private Arbitrary<String> rows() {
    Arbitrary<String> ts =
        Arbitraries.of(
            "2024-06-20T21:06:48Z", "", "a+b", "x%20y", "caf%C3%A9", "tab\t", "q\"uote", "%FF");
    Arbitrary<String> data =
        Arbitraries.oneOf(
            DataScannerTest.dataTexts(),
            Arbitraries.of(
                "%7B%7D",
                "{\"appid\":\"a+b\"}",
                "{\"appid\":\"a&b\"}",
                "{\"appid\":\"50%\"}",
                "{\"x\":1e+5}",
                "{\"appid\":\"a=b\"} ",
                "{\r}"));
    Arbitrary<String> row =
        Combinators.combine(
                ts,
                data,
                Arbitraries.of(
                    "ts=%s&ip=FILL_ME&data=%s",
                    "data=%2$s&ts=%1$s",
                    "?ts=%s&data=%s&x=1",
                    "ts=%s",
                    "data=%2$s",
                    "ts=%s&data=%s&data={}",
                    "t%%73=%s&data=%s"))
            .as((t, d, format) -> String.format(format, t, d));
    return Arbitraries.frequencyOf(
        Tuple.of(3, row),
        Tuple.of(6, Arbitraries.just(Batches.PRODUCER_ROW)),
        Tuple.of(1, Arbitraries.just("")));
  }

  private static byte[] generic(EnricherConfig config, List<BatchRecord> records) {
    RecordEnricher enricher = new RecordEnricher(config);
    // an output without a limit: the generic path's results, whatever their size
    ResponseOutput unlimited = new ResponseOutput(0);
    return BatchJson.writeResponse(
        records.stream().map(record -> enricher.enrich(record, unlimited)).toList(),
        config.output());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
