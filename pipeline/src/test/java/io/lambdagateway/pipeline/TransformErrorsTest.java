package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.transfer.ResultRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Golden target messages of {@code --on-exhausted transform-error} (contract §8, §5). */
class TransformErrorsTest {

  private static Batch batch(ItemLayout layout) {
    SourceRecord source =
        new SourceRecord(
            "source-topic",
            2,
            42,
            1_718_876_759_101L,
            "k1".getBytes(StandardCharsets.UTF_8),
            "ts=1".getBytes(StandardCharsets.UTF_8));
    return Batch.of(
        List.of(new PendingRecord(source, new TransferRequests(layout).encodeRecord(source))));
  }

  private static TargetMessage target(ItemLayout layout) {
    List<ResultRecord> results =
        new TransformErrors(new TransferRequests(layout))
            .results(batch(layout), "the function answered HTTP 503: down");
    assertThat(results).hasSize(1);
    return new TargetSerializer().serialize(results.get(0).cdc());
  }

  @Test
  @DisplayName("6 columns: the input row, base64 data and key, plus __transform_error")
  void sixColumns() {
    TargetMessage message = target(ItemLayout.SIX);

    assertThat(new String(message.key(), StandardCharsets.UTF_8)).isEqualTo("_source-topic");
    assertThat(new String(message.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"__transform_error\":\"the function answered HTTP 503: down\",\"data\":\"dHM9MQ==\","
                + "\"key\":\"azE=\",\"offset\":42,\"partition\":2,\"topic\":\"source-topic\","
                + "\"write_time\":\"2024-06-20T09:45:59.101Z\"}");
  }

  @Test
  @DisplayName("7 columns: the input row, text data, null meta, base64 sequence_key, the error")
  void sevenColumns() {
    TargetMessage message = target(ItemLayout.SEVEN);

    assertThat(new String(message.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"__transform_error\":\"the function answered HTTP 503: down\",\"data\":\"ts=1\","
                + "\"meta\":null,\"partition\":2,\"seq_no\":42,\"sequence_key\":\"azE=\","
                + "\"topic\":\"source-topic\",\"write_time\":\"2024-06-20T09:45:59.101Z\"}");
  }

  @Test
  @DisplayName("The error column is declared as a non-key utf8 column of the same table")
  void schema() {
    ResultRecord result =
        new TransformErrors(new TransferRequests()).results(batch(ItemLayout.SIX), "e").get(0);

    assertThat(result.cdc().tableSchema().columns()).hasSize(7);
    assertThat(result.cdc().tableSchema().columns().get(6))
        .satisfies(
            column -> {
              assertThat(column.name()).isEqualTo("__transform_error");
              assertThat(column.type()).isEqualTo("utf8");
              assertThat(column.tableName()).isEqualTo("source-topic");
              assertThat(column.key()).isFalse();
            });
    assertThat(result.cdc().nextLsn()).isEqualTo(42);
    assertThat(result.envelope().eventId()).isEqualTo("42.0");
  }
}
