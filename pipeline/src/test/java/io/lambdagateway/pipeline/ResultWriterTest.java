package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a batch's parts become before anything is sent: serialized rows and dead letters. */
class ResultWriterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(registry);
  private final ResultWriter writer =
      new ResultWriter(null, "target", new DeadLetters(m -> null, "source.dlq", metrics), metrics);

  @Test
  @DisplayName(
      "Rows of Ok and Split results are serialized in record order; ProcessingFailed, refused"
          + " items and dead-lettered parts become dead letters; Dropped writes nothing; every"
          + " result of the function is counted")
  void prepare() throws Exception {
    Batch batch = batch(5);
    List<ResultRecord> results =
        List.of(
            ok(batch, 0, row("a", "1")),
            split(batch, 1, row("b", "2"), row("c", "3")),
            ResultRecord.failed("bad row", envelope(batch, 2)),
            ResultRecord.dropped(envelope(batch, 3)),
            ok(batch, 4, item("{\"kind\":\"delete\"}")));
    Batch alone = batch(1);

    PreparedWrite prepared =
        writer.prepare(
            List.of(
                new BatchPart.Written(batch, results, true),
                new BatchPart.DeadLettered(alone.records(), "poison record (fails alone): x")));

    assertThat(prepared.rows())
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("{\"v\":\"1\"}", "{\"v\":\"2\"}", "{\"v\":\"3\"}");
    assertThat(prepared.rows()).allSatisfy(r -> assertThat(r.topic()).isEqualTo("target"));
    assertThat(prepared.rows())
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("s_a", "s_b", "s_c");
    assertThat(prepared.deadLetters())
        .extracting(d -> d.source().offset(), PreparedWrite.DeadLetter::reason)
        .containsExactly(
            tuple(2L, "ProcessingFailed: bad row"),
            tuple(
                4L,
                "target serializer refused 1 of 1 items: the json serializer writes inserts only,"
                    + " got kind 'delete'"),
            tuple(0L, "poison record (fails alone): x"));
    assertThat(counted(Result.OK)).isEqualTo(2);
    assertThat(counted(Result.SPLIT)).isEqualTo(1);
    assertThat(counted(Result.PROCESSING_FAILED)).isEqualTo(1);
    assertThat(counted(Result.DROPPED)).isEqualTo(1);
  }

  private double counted(Result result) {
    return registry.get("pipeline.results").tag("status", result.wireName()).counter().count();
  }

  private static ChangeItem row(String table, String value) throws Exception {
    return item(
        "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\""
            + table
            + "\",\"columnnames\":[\"v\"],\"columnvalues\":[\""
            + value
            + "\"]}");
  }

  private static ChangeItem item(String json) throws Exception {
    String response = "{\"Records\":[{\"result\":\"Ok\",\"cdc\":" + json + "}]}";
    return TransferResponses.read(response.getBytes(StandardCharsets.UTF_8), List.of("x"))
        .get(0)
        .cdc();
  }

  private static Batch batch(int size) {
    List<PendingRecord> records = new ArrayList<>();
    TransferRequests requests = new TransferRequests();
    for (int offset = 0; offset < size; offset++) {
      SourceRecord source =
          new SourceRecord("source", 0, offset, 1L, null, "v".getBytes(StandardCharsets.UTF_8));
      records.add(new PendingRecord(source, requests.encodeRecord(source)));
    }
    return Batch.of(records);
  }

  private static Envelope envelope(Batch batch, int index) {
    return Envelope.forChangeItem(batch.records().get(index).source().offset(), 0);
  }

  private static ResultRecord ok(Batch batch, int index, ChangeItem item) {
    return ResultRecord.ok(item, envelope(batch, index));
  }

  private static ResultRecord split(Batch batch, int index, ChangeItem... items) {
    return ResultRecord.split(List.of(items), envelope(batch, index));
  }
}
