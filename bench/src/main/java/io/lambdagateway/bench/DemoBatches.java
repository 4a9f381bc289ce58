package io.lambdagateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.TableSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of Transfer request batches of demo-producer messages: each Kafka message holds
 * 1 to 100 rows like {@code ts=...&ip=FILL_ME&data={"appid":...,"payload":{...},"identity":...}},
 * wrapped as Transfer wraps a raw Kafka message (6 columns, base64 value).
 */
public final class DemoBatches {

  private static final String TOPIC = "source-topic";
  private static final List<String> KAFKA_COLUMNS =
      List.of("topic", "partition", "offset", "write_time", "key", "data");
  private static final long START_NANOS = 1_718_876_759_101_000_000L;

  private final Random random;
  private long offset;
  private int rows;

  public DemoBatches(long seed) {
    this.random = new Random(seed);
  }

  /** A batch of exactly this many records. */
  public Batch ofRecords(int records) {
    List<BatchRecord> batch = new ArrayList<>();
    int rowsBefore = rows;
    for (int i = 0; i < records; i++) {
      batch.add(nextRecord());
    }
    return new Batch(BatchJson.writeRequest(batch), records, rows - rowsBefore);
  }

  /** A batch of as many records as fit in about {@code bytes} of JSON, as Transfer cuts them. */
  public Batch ofSize(int bytes) {
    List<BatchRecord> batch = new ArrayList<>();
    int rowsBefore = rows;
    int size = 0;
    while (size < bytes) {
      BatchRecord record = nextRecord();
      batch.add(record);
      size += BatchJson.writeRequest(List.of(record)).length;
    }
    return new Batch(BatchJson.writeRequest(batch), batch.size(), rows - rowsBefore);
  }

  private BatchRecord nextRecord() {
    long lsn = offset++;
    int rowCount = 1 + random.nextInt(100);
    rows += rowCount;
    String value = message(lsn, rowCount);
    String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    long commitTime = START_NANOS + lsn * 1_000_000L;
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<JsonNode> values =
        List.of(
            nodes.textNode(TOPIC),
            nodes.numberNode(0),
            nodes.numberNode(lsn),
            nodes.textNode(Instant.ofEpochSecond(0, commitTime).toString()),
            nodes.nullNode(),
            nodes.textNode(base64));
    ChangeItem item =
        new ChangeItem(
            0,
            lsn,
            commitTime,
            0,
            "insert",
            "",
            TOPIC,
            TOPIC + "_0",
            KAFKA_COLUMNS,
            values,
            TableSchema.EMPTY,
            OldKeys.NONE,
            "",
            "");
    return new BatchRecord(item, Envelope.forChangeItem(lsn, 0));
  }

  private String message(long messageNumber, int rowCount) {
    StringBuilder message = new StringBuilder();
    for (int row = 0; row < rowCount; row++) {
      if (row > 0) {
        message.append('\n');
      }
      Instant ts = Instant.ofEpochSecond(1_718_917_608L + random.nextInt(10_000));
      message
          .append("ts=")
          .append(ts)
          .append("&ip=FILL_ME&data={\"appid\":\"rand_id_")
          .append(messageNumber)
          .append("\",\"payload\":{\"EMAIL\":\"")
          .append(messageNumber)
          .append("@gmail.com\",\"MOBILE\":\"")
          .append(row)
          .append("\"},\"identity\":\"")
          .append(messageNumber)
          .append("@gmail.com\"}");
    }
    return message.toString();
  }

  /** A request body and what it holds. */
  public record Batch(byte[] json, int records, int rows) {}
}
