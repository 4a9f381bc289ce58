package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

@Label("Enricher properties")
class EnricherPropertiesTest {

  private final Enricher strict = Enricher.create(new EnricherConfig("203.0.113.7", false));
  private final Enricher skipping = Enricher.create(new EnricherConfig("203.0.113.7", true));

  /** What a generated record's value holds, and what the enricher must answer for it. */
  enum Kind {
    GOOD_ROWS,
    MIXED_ROWS,
    EMPTY,
    NULL_VALUE,
    NOT_BASE64
  }

  record Spec(Kind kind, int goodRows, long offset) {}

  @Property(tries = 200)
  @Label("N records in, N results out, in order, with their eventIDs and the expected status")
  void oneResultPerRecordInOrder(
      @ForAll("batches") @Size(max = 40) List<Spec> specs, @ForAll boolean skipBadRows) {
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      records.add(record(specs.get(i), i));
    }
    Enricher enricher = skipBadRows ? skipping : strict;

    List<ResultRecord> results =
        BatchJson.readResponse(enricher.transform(BatchJson.writeRequest(records)));

    assertThat(results).hasSameSizeAs(specs);
    for (int i = 0; i < specs.size(); i++) {
      ResultRecord result = results.get(i);
      assertThat(result.envelope().eventId()).isEqualTo(records.get(i).envelope().eventId());
      assertThat(result.result()).isIn((Object[]) Result.values());
      assertExpected(specs.get(i), result, skipBadRows);
    }
  }

  private static void assertExpected(Spec spec, ResultRecord result, boolean skipBadRows) {
    switch (spec.kind()) {
      case GOOD_ROWS -> assertSplit(result, spec.goodRows());
      case MIXED_ROWS -> {
        if (skipBadRows) {
          assertSplit(result, spec.goodRows());
        } else {
          assertThat(result.result()).isEqualTo(Result.PROCESSING_FAILED);
          assertThat(result.error()).startsWith("row ");
        }
      }
      case EMPTY, NULL_VALUE -> assertThat(result.result()).isEqualTo(Result.DROPPED);
      case NOT_BASE64 -> assertThat(result.result()).isEqualTo(Result.PROCESSING_FAILED);
      default -> throw new AssertionError(spec);
    }
  }

  private static void assertSplit(ResultRecord result, int rows) {
    assertThat(result.result()).isEqualTo(Result.SPLIT);
    assertThat(result.cdcSplit()).hasSize(rows);
  }

  @Provide
  Arbitrary<List<Spec>> batches() {
    Arbitrary<Spec> spec =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(1, 20),
                Arbitraries.longs().between(0, Long.MAX_VALUE))
            .as(Spec::new);
    return spec.list();
  }

  private static BatchRecord record(Spec spec, int index) {
    long offset = spec.offset() + index;
    return switch (spec.kind()) {
      case GOOD_ROWS -> Batches.kafkaRecord(offset, rows(spec.goodRows(), false));
      case MIXED_ROWS -> Batches.kafkaRecord(offset, rows(spec.goodRows(), true));
      case EMPTY -> Batches.kafkaRecord(offset, "");
      case NULL_VALUE -> Batches.kafkaRecord(offset, null);
      case NOT_BASE64 ->
          Batches.kafkaRecordWithData(offset, JsonNodeFactory.instance.textNode("*" + offset));
    };
  }

  private static String rows(int good, boolean withBadRow) {
    StringBuilder value = new StringBuilder();
    for (int row = 0; row < good; row++) {
      if (withBadRow && row == good / 2) {
        value.append("ts=1&data={broken\n");
      }
      value.append(Batches.PRODUCER_ROW.replace("rand_id_1", "rand_id_" + row)).append('\n');
    }
    return value.toString();
  }
}
