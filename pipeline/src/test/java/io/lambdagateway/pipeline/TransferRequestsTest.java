package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.TransferJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransferRequestsTest {

  private final TransferRequests builder = new TransferRequests();

  private static SourceRecord record(long offset, String key, String value) {
    return new SourceRecord(
        "source-topic",
        2,
        offset,
        1_718_876_759_101L,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("A Kafka message becomes exactly the record Transfer sends for a raw Kafka source")
  void golden() {
    String expected =
        "{\"cdc\":{\"id\":0,\"nextlsn\":42,\"commitTime\":1718876759101000000,"
            + "\"txPosition\":0,\"kind\":\"insert\",\"schema\":\"\",\"table\":\"source-topic\",\"part\":\"\","
            + "\"columnnames\":[\"topic\",\"partition\",\"offset\",\"write_time\",\"key\",\"data\"],"
            + "\"columnvalues\":[\"source-topic\",2,42,\"2024-06-20T09:45:59.101Z\",\"azE=\",\"dHM9MQ==\"],"
            + "\"table_schema\":["
            + column("topic", "utf8", true)
            + ","
            + column("partition", "uint32", true)
            + ","
            + column("offset", "uint64", true)
            + ","
            + column("write_time", "datetime", true)
            + ","
            + column("key", "string", false)
            + ","
            + column("data", "string", false)
            + "],"
            + "\"oldkeys\":{},\"tx_id\":\"\",\"query\":\"\"},"
            + "\"cdc_split\":null,\"kinesis\":null,\"result\":\"\",\"eventSource\":\"CDC\","
            + "\"eventID\":\"42.0\",\"invokeIdentityArn\":\"tm\",\"eventVersion\":\"1.0\","
            + "\"eventName\":\"dt:cdc:change_item\",\"eventSourceARN\":\"\",\"awsRegion\":\"\"}";

    byte[] encoded = builder.encodeRecord(record(42, "k1", "ts=1"));

    assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  private static String column(String name, String type, boolean key) {
    return "{\"table_schema\":\"\",\"table_name\":\"source-topic\",\"path\":\"\",\"name\":\""
        + name
        + "\",\"type\":\""
        + type
        + "\",\"key\":"
        + key
        + ",\"fake_key\":false,\"required\":false,"
        + "\"expression\":\"\",\"original_type\":\"\"}";
  }

  @Test
  @DisplayName("A message without a key sends key null; a tombstone sends data null")
  void nullKeyAndValue() throws Exception {
    JsonNode values =
        TransferJson.readTree(builder.encodeRecord(record(7, null, null)))
            .get("cdc")
            .get("columnvalues");

    assertThat(values.get(4).isNull()).isTrue();
    assertThat(values.get(5).isNull()).isTrue();
  }

  @Test
  @DisplayName("commitTime is the message timestamp in nanoseconds as an exact integer")
  void commitTimeExact() throws Exception {
    SourceRecord late = new SourceRecord("t", 0, 1, 9_007_199_254_741L, null, new byte[0]);

    JsonNode commitTime =
        TransferJson.readTree(builder.encodeRecord(late)).get("cdc").get("commitTime");

    assertThat(commitTime.isIntegralNumber()).isTrue();
    assertThat(commitTime.asText()).isEqualTo("9007199254741000000");
  }

  @Test
  @DisplayName(
      "A request joins encoded records into {\"Records\":[...]} of exactly the predicted size")
  void requestEnvelope() throws Exception {
    List<byte[]> records =
        List.of(
            builder.encodeRecord(record(1, "a", "x")), builder.encodeRecord(record(2, null, "y")));

    RequestBody body = TransferRequests.request(records);
    byte[] request = body.joined();

    assertThat(request)
        .hasSize(body.length())
        .hasSize(TransferRequests.requestSize(2, records.get(0).length + records.get(1).length));
    JsonNode parsed = TransferJson.readTree(request);
    assertThat(parsed.get("Records")).hasSize(2);
    assertThat(parsed.get("Records").get(1).get("eventID").asText()).isEqualTo("2.0");
    assertThat(new String(TransferRequests.request(List.of()).joined(), StandardCharsets.UTF_8))
        .isEqualTo("{\"Records\":[]}");
  }

  @Test
  @DisplayName(
      "Joining records encoded one by one gives exactly the contract codec's whole request")
  void sameAsContractCodec() {
    List<SourceRecord> sources =
        List.of(
            record(1, "a", "x"),
            record(2, null, null),
            new SourceRecord("other-topic", 0, 3, 5, new byte[] {1}, new byte[] {2}));
    List<BatchRecord> records = sources.stream().map(builder::record).toList();

    byte[] joined =
        TransferRequests.request(sources.stream().map(builder::encodeRecord).toList()).joined();

    assertThat(joined).isEqualTo(BatchJson.writeRequest(records));
  }
}
