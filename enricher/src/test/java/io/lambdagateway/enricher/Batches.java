package io.lambdagateway.enricher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.Envelope;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Builds Transfer batches of raw Kafka messages for tests. */
final class Batches {

  static final String PRODUCER_ROW =
      "ts=2024-06-20T21:06:48Z&ip=FILL_ME&data={\"appid\":"
          + "\"rand_id_1\",\"payload\":{\"EMAIL\":\"1@gmail.com\",\"MOBILE\":\"0\"},"
          + "\"identity\":\"1@gmail.com\"}";

  private static final List<String> KAFKA_COLUMNS =
      List.of("topic", "partition", "offset", "write_time", "key", "data");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Batches() {}

  /** A record of a Kafka message at this offset whose value is this text (null: no value). */
  static BatchRecord kafkaRecord(long offset, String value) {
    JsonNode data =
        value == null
            ? NODES.nullNode()
            : NODES.textNode(
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    return kafkaRecordWithData(offset, data);
  }

  /** A record of a Kafka message at this offset whose {@code data} column holds this value. */
  static BatchRecord kafkaRecordWithData(long offset, JsonNode data) {
    List<JsonNode> values =
        List.of(
            NODES.textNode("source-topic"),
            NODES.numberNode(0),
            NODES.numberNode(offset),
            NODES.textNode("2024-06-20T09:45:59.101Z"),
            NODES.nullNode(),
            data);
    ChangeItem item =
        new ChangeItem(
            0,
            offset,
            1_718_876_759_101_000_000L,
            0,
            "insert",
            "",
            "source-topic",
            "source-topic_0",
            KAFKA_COLUMNS,
            values,
            TableSchema.EMPTY,
            OldKeys.NONE,
            "",
            "");
    return new BatchRecord(item, Envelope.forChangeItem(offset, 0));
  }

  static byte[] request(BatchRecord... records) {
    return BatchJson.writeRequest(List.of(records));
  }
}
