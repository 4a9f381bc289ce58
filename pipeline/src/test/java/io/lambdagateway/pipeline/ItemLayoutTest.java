package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three item layouts (contract §8, "Kafka source items"): golden requests, one file per layout
 * under {@code golden/}, for a message with a key and a tombstone without one; and the real
 * enricher enriches a message alike in every layout.
 */
class ItemLayoutTest {

  private static final String ROWS =
      "ts=2024-06-20T21:06:03Z&ip=FILL_ME&data={\"appid\":\"a1\",\"payload\":{\"EMAIL\":\"é@x\"}}\n"
          + "ts=2024-06-20T21:06:04Z&ip=FILL_ME&data={\"appid\":\"a2\"}";

  private static byte[] request(ItemLayout layout) {
    TransferRequests requests = new TransferRequests(layout);
    SourceRecord keyed =
        new SourceRecord(
            "source-topic",
            2,
            42,
            1_718_876_759_101L,
            "k1".getBytes(StandardCharsets.UTF_8),
            ROWS.getBytes(StandardCharsets.UTF_8));
    SourceRecord tombstone =
        new SourceRecord("source-topic", 2, 43, 1_718_876_760_000L, null, null);
    return TransferRequests.request(
            List.of(requests.encodeRecord(keyed), requests.encodeRecord(tombstone)))
        .joined();
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ItemLayoutTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @ParameterizedTest
  @EnumSource(ItemLayout.class)
  @DisplayName("Each layout's request is exactly its golden file")
  void goldenRequests(ItemLayout layout) throws IOException {
    String name = "request-" + layout.columnCount() + "-columns.json";

    assertThat(new String(request(layout), StandardCharsets.UTF_8)).isEqualTo(golden(name));
  }

  @Test
  @DisplayName("The real enricher gives the same results for the same message in every layout")
  void enricherReadsEveryLayout() {
    Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));
    List<ResultRecord> six = BatchJson.readResponse(enricher.transform(request(ItemLayout.SIX)));

    assertThat(six).extracting(ResultRecord::result).containsExactly(Result.SPLIT, Result.DROPPED);
    assertThat(six.get(0).cdcSplit()).hasSize(2);
    for (ItemLayout layout : List.of(ItemLayout.FIVE, ItemLayout.SEVEN)) {
      List<ResultRecord> other = BatchJson.readResponse(enricher.transform(request(layout)));
      assertThat(other)
          .extracting(ResultRecord::result)
          .containsExactly(Result.SPLIT, Result.DROPPED);
      assertThat(other.get(0).cdcSplit())
          .extracting(item -> item.columnValues())
          .isEqualTo(six.get(0).cdcSplit().stream().map(item -> item.columnValues()).toList());
    }
  }

  @Test
  @DisplayName("Layouts are named by their column count")
  void ofColumns() {
    assertThat(ItemLayout.ofColumns(5)).isEqualTo(ItemLayout.FIVE);
    assertThat(ItemLayout.ofColumns(7).columnCount()).isEqualTo(7);
  }
}
