package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Transfer's batch JSON, read and written")
class BatchJsonTest {

  /** A record laid out as Transfer's Go encoder writes it: every field, in struct order. */
  private static final String TRANSFER_RECORD =
      "{\"cdc\":{\"id\":4294967295,"
          + "\"nextlsn\":18446744073709551615,\"commitTime\":1718876759101000000,\"txPosition\":3,"
          + "\"kind\":\"update\",\"schema\":\"public\",\"table\":\"users\",\"part\":\"p1\","
          + "\"columnnames\":[\"id\",\"doc\"],\"columnvalues\":[12345678901234567890,{\"a\":[1.50]}],"
          + "\"table_schema\":[{\"table_schema\":\"public\",\"table_name\":\"users\",\"path\":\"\","
          + "\"name\":\"id\",\"type\":\"uint64\",\"key\":true,\"fake_key\":false,\"required\":true,"
          + "\"expression\":\"\",\"original_type\":\"pg:numeric\",\"properties\":{\"k\":\"v\"}},"
          + "{\"table_schema\":\"public\",\"table_name\":\"users\",\"path\":\"doc\",\"name\":\"doc\","
          + "\"type\":\"any\",\"key\":false,\"fake_key\":true,\"required\":false,\"expression\":\"e\","
          + "\"original_type\":\"pg:jsonb\"}],"
          + "\"oldkeys\":{\"keynames\":[\"id\"],\"keytypes\":[\"numeric\"],\"keyvalues\":[7]},"
          + "\"tx_id\":\"tx-9\",\"query\":\"UPDATE users\"},"
          + "\"cdc_split\":null,\"kinesis\":null,\"result\":\"\",\"eventSource\":\"CDC\","
          + "\"eventID\":\"18446744073709551615.3\",\"invokeIdentityArn\":\"tm\","
          + "\"eventVersion\":\"1.0\",\"eventName\":\"dt:cdc:change_item\",\"eventSourceARN\":\"\","
          + "\"awsRegion\":\"\"}";

  @Test
  @DisplayName("A record as Transfer sends it parses into every field, exactly")
  void transferRecordParses() {
    BatchRecord record = BatchJson.readRequest(batch(TRANSFER_RECORD)).get(0);
    ChangeItem cdc = record.cdc();

    assertThat(cdc.id()).isEqualTo(4_294_967_295L);
    assertThat(Long.toUnsignedString(cdc.nextLsn())).isEqualTo("18446744073709551615");
    assertThat(cdc.commitTime()).isEqualTo(1_718_876_759_101_000_000L);
    assertThat(cdc.txPosition()).isEqualTo(3);
    assertThat(List.of(cdc.kind(), cdc.schema(), cdc.table(), cdc.part(), cdc.txId(), cdc.query()))
        .containsExactly("update", "public", "users", "p1", "tx-9", "UPDATE users");
    assertThat(cdc.columnNames()).containsExactly("id", "doc");
    assertThat(cdc.valueOf("id").bigIntegerValue()).hasToString("12345678901234567890");
    assertThat(cdc.tableSchema().columns()).hasSize(2);
    ColumnSchema doc = cdc.tableSchema().columns().get(1);
    assertThat(doc)
        .isEqualTo(
            new ColumnSchema(
                "public", "users", "doc", "doc", "any", false, true, false, "e", "pg:jsonb", null));
    assertThat(cdc.tableSchema().columns().get(0).properties().get("k").textValue()).isEqualTo("v");
    assertThat(cdc.oldKeys().keyNames()).containsExactly("id");
    assertThat(cdc.oldKeys().keyTypes()).containsExactly("numeric");
    assertThat(cdc.oldKeys().keyValues().get(0).intValue()).isEqualTo(7);
    assertThat(record.envelope())
        .isEqualTo(
            new Envelope(
                "CDC", "18446744073709551615.3", "tm", "1.0", "dt:cdc:change_item", "", ""));
  }

  @Test
  @DisplayName("Writing a parsed Transfer record gives back Transfer's bytes: names, order, digits")
  void transferRecordRoundTripsByteForByte() {
    byte[] written = BatchJson.writeRequest(BatchJson.readRequest(batch(TRANSFER_RECORD)));

    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo("{\"Records\":[" + TRANSFER_RECORD + "]}");
  }

  @Test
  @DisplayName("Empty columnvalues, table_schema and old keys are omitted, as Transfer omits them")
  void emptyPartsAreOmitted() {
    ChangeItem bare = insertIntoT(List.of(), List.of(), TableSchema.EMPTY);

    byte[] written =
        BatchJson.writeResponse(
            List.of(
                ResultRecord.ok(bare, new Envelope(null, "1.0", null, null, null, null, null))));

    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"Records\":[{\"cdc\":"
                + "{\"id\":0,\"nextlsn\":1,\"commitTime\":2,\"txPosition\":0,\"kind\":\"insert\","
                + "\"schema\":\"\",\"table\":\"t\",\"part\":\"\",\"columnnames\":[],\"oldkeys\":{},"
                + "\"tx_id\":\"\",\"query\":\"\"},\"result\":\"Ok\",\"eventID\":\"1.0\"}]}");
  }

  @Test
  @DisplayName("Unknown fields are ignored and field order does not matter")
  void unknownFieldsAndAnyOrder() {
    String record =
        "{\"future\":{\"x\":[1,{\"y\":null}]},\"eventID\":\"5.0\","
            + "\"cdc\":{\"query\":\"q\",\"unknown\":true,\"columnvalues\":[\"v\"],"
            + "\"columnnames\":[\"data\"],\"commitTime\":9}}";

    BatchRecord parsed = BatchJson.readRequest(batch(record)).get(0);

    assertThat(parsed.envelope().eventId()).isEqualTo("5.0");
    assertThat(parsed.envelope().eventSource()).isNull();
    assertThat(parsed.cdc().valueOf("data").textValue()).isEqualTo("v");
    assertThat(parsed.cdc().commitTime()).isEqualTo(9);
    assertThat(parsed.cdc().query()).isEqualTo("q");
  }

  @Test
  @DisplayName("A response is read back with results, errors, and cdc_splitted as cdc_split")
  void responsesAreReadBack() {
    String item =
        "{\"commitTime\":1,\"kind\":\"insert\",\"table\":\"t\","
            + "\"columnnames\":[\"a\"],\"columnvalues\":[1]}";
    String response =
        "{\"Records\":["
            + "{\"eventID\":\"1.0\",\"cdc_splitted\":["
            + item
            + ","
            + item
            + "],\"result\":\"Split\"},"
            + "{\"eventID\":\"2.0\",\"cdc\":"
            + item
            + ",\"result\":\"Ok\"},"
            + "{\"eventID\":\"3.0\",\"result\":\"Dropped\",\"cdc\":null},"
            + "{\"eventID\":\"4.0\",\"result\":\"ProcessingFailed\",\"error\":\"boom\"}]}";

    List<ResultRecord> results = BatchJson.readResponse(response.getBytes(StandardCharsets.UTF_8));

    assertThat(results)
        .extracting(ResultRecord::result)
        .containsExactly(Result.SPLIT, Result.OK, Result.DROPPED, Result.PROCESSING_FAILED);
    assertThat(results.get(0).cdcSplit()).hasSize(2);
    assertThat(results.get(1).cdc().table()).isEqualTo("t");
    assertThat(results.get(3).error()).isEqualTo("boom");
    assertThat(results)
        .extracting(r -> r.envelope().eventId())
        .containsExactly("1.0", "2.0", "3.0", "4.0");
  }

  @Test
  @DisplayName("A written response reads back equal to what was written")
  void responsesRoundTrip() {
    BatchRecord source = BatchJson.readRequest(batch(TRANSFER_RECORD)).get(0);
    List<ResultRecord> results =
        List.of(
            ResultRecord.split(List.of(source.cdc(), source.cdc()), source.envelope()),
            ResultRecord.ok(source.cdc(), source.envelope()),
            ResultRecord.dropped(source.envelope()),
            ResultRecord.failed("row 0: missing 'ts'", source.envelope()));

    byte[] written = BatchJson.writeResponse(results);

    assertThat(BatchJson.writeResponse(BatchJson.readResponse(written))).isEqualTo(written);
    assertThat(new String(written, StandardCharsets.UTF_8))
        .contains("\"result\":\"ProcessingFailed\",\"eventSource\":\"CDC\"")
        .endsWith("\"awsRegion\":\"\",\"error\":\"row 0: missing 'ts'\"}]}");
  }

  @Test
  @DisplayName(
      "Items of one response with the previous item's table_schema and columnnames share its"
          + " instances; an item with other ones keeps its own")
  void repeatedSchemasAreSharedWithinAResponse() {
    BatchRecord source = BatchJson.readRequest(batch(TRANSFER_RECORD)).get(0);
    ChangeItem other =
        insertIntoT(
            List.of("only"),
            List.of(TextNode.valueOf("x")),
            TableSchema.of(List.of(ColumnSchema.of("only", "utf8", false, false))));
    byte[] written =
        BatchJson.writeResponse(
            List.of(
                ResultRecord.split(List.of(source.cdc(), source.cdc()), source.envelope()),
                ResultRecord.ok(source.cdc(), source.envelope()),
                ResultRecord.ok(other, source.envelope())));

    for (List<ResultRecord> read :
        List.of(BatchJson.readResponse(written), BatchJson.readResponseKeepingText(written))) {
      ChangeItem first = read.get(0).cdcSplit().get(0);
      assertThat(first.tableSchema().isEmpty()).isFalse();
      assertThat(read.get(0).cdcSplit().get(1).tableSchema()).isSameAs(first.tableSchema());
      assertThat(read.get(1).cdc().tableSchema()).isSameAs(first.tableSchema());
      assertThat(read.get(1).cdc().columnNames()).isSameAs(first.columnNames());
      assertThat(read.get(2).cdc().tableSchema()).isEqualTo(other.tableSchema());
      assertThat(read.get(2).cdc().columnNames()).containsExactly("only");
    }
  }

  @Test
  @DisplayName(
      "A table_schema read from the body is skipped only when its bytes are the previous one's: a"
          + " longer one that starts alike, one with other spacing or another field, and a broken"
          + " one after a good one are each read")
  void schemaBytesAreComparedWholly() {
    String one = "[{\"name\":\"a\",\"type\":\"utf8\"}]";
    String longer = "[{\"name\":\"a\",\"type\":\"utf8\"},{\"name\":\"b\",\"type\":\"int64\"}]";
    String spaced = "[ {\"name\":\"a\",\"type\":\"utf8\"} ]";
    String keyed = "[{\"name\":\"a\",\"type\":\"utf8\",\"key\":true}]";
    byte[] response = response(one, one, longer, one, spaced, keyed, one);

    List<ChangeItem> kept = BatchJson.readResponseKeepingText(response).get(0).cdcSplit();
    List<ChangeItem> model = BatchJson.readResponse(response).get(0).cdcSplit();

    for (int i = 0; i < kept.size(); i++) {
      assertThat(kept.get(i).tableSchema()).isEqualTo(model.get(i).tableSchema());
    }
    assertThat(kept.get(2).tableSchema().columns()).hasSize(2);
    assertThat(kept.get(5).tableSchema().columns().get(0).key()).isTrue();
    assertThat(kept.get(1).tableSchema()).isSameAs(kept.get(0).tableSchema());
    assertThat(kept.get(4).tableSchema()).isSameAs(kept.get(3).tableSchema());
    assertThat(kept.get(5).tableSchema()).isNotEqualTo(kept.get(4).tableSchema());
    assertThatThrownBy(
            () ->
                BatchJson.readResponseKeepingText(
                    response(one, "[{\"name\":\"a\",\"type\":\"utf8\",\"key\":\"yes\"}]")))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("key");
    byte[] twice = response(one, one);
    int secondSchema = new String(twice, StandardCharsets.UTF_8).lastIndexOf(one);
    byte[] truncated = Arrays.copyOf(twice, secondSchema + one.length() - 2);
    assertThatThrownBy(() -> BatchJson.readResponseKeepingText(truncated))
        .isInstanceOf(MalformedBatchException.class);
  }

  @Test
  @DisplayName(
      "Unsigned fields read exactly up to their range: the largest long and beyond it, uint64's"
          + " and uint32's largest; -0, negatives and one past the range are refused")
  void unsignedFieldsReadExactly() {
    assertThat(nextLsn("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Long.toUnsignedString(nextLsn("9223372036854775808")))
        .isEqualTo("9223372036854775808");
    assertThat(nextLsn("18446744073709551615")).isEqualTo(-1L);
    assertThat(nextLsn("0")).isZero();
    for (String refused : List.of("-0", "-1", "18446744073709551616", "-9223372036854775808")) {
      assertThatThrownBy(() -> nextLsn(refused))
          .as(refused)
          .isInstanceOf(MalformedBatchException.class)
          .hasMessageContaining("nextlsn");
    }
    assertThat(itemsOf("{\"id\":4294967295}").get(0).id()).isEqualTo(4294967295L);
    assertThatThrownBy(() -> itemsOf("{\"id\":4294967296}"))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("out of range: 4294967296");
  }

  @Test
  @DisplayName(
      "Items of one response that repeat the previous item's kind, schema, table, part, tx_id,"
          + " query or columnnames read the same; items that change any of them read their own")
  void repeatedFieldsReadAsWritten() {
    List<ChangeItem> items =
        itemsOf(
            "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"t\",\"part\":\"p\","
                + "\"tx_id\":\"x\",\"query\":\"q\",\"columnnames\":[\"a\",\"b\",\"c\"]}",
            "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"t\",\"part\":\"p\","
                + "\"tx_id\":\"x\",\"query\":\"q\",\"columnnames\":[\"a\",\"b\",\"c\"]}",
            "{\"kind\":\"update\",\"schema\":\"s2\",\"table\":\"tt\",\"part\":null,"
                + "\"tx_id\":\"\",\"query\":\"r\",\"columnnames\":[\"a\",\"b\"]}",
            "{\"kind\":\"insert\",\"table\":\"t\",\"columnnames\":[\"a\",\"b\",\"c\",\"d\"]}",
            "{\"kind\":\"inserts\",\"table\":\"T\",\"columnnames\":[\"a\",\"x\",\"c\"]}",
            "{\"kind\":\"insert\",\"columnnames\":null}",
            "{\"columnnames\":[\"a\",\"x\",\"c\"]}");

    assertThat(items)
        .extracting(ChangeItem::kind, ChangeItem::schema, ChangeItem::table, ChangeItem::part)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("insert", "s", "t", "p"),
            org.assertj.core.groups.Tuple.tuple("insert", "s", "t", "p"),
            org.assertj.core.groups.Tuple.tuple("update", "s2", "tt", ""),
            org.assertj.core.groups.Tuple.tuple("insert", "", "t", ""),
            org.assertj.core.groups.Tuple.tuple("inserts", "", "T", ""),
            org.assertj.core.groups.Tuple.tuple("insert", "", "", ""),
            org.assertj.core.groups.Tuple.tuple("", "", "", ""));
    assertThat(items).extracting(ChangeItem::txId).containsExactly("x", "x", "", "", "", "", "");
    assertThat(items).extracting(ChangeItem::query).containsExactly("q", "q", "r", "", "", "", "");
    assertThat(items)
        .extracting(ChangeItem::columnNames)
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("a", "b", "c"),
            List.of("a", "b"),
            List.of("a", "b", "c", "d"),
            List.of("a", "x", "c"),
            List.of(),
            List.of("a", "x", "c"));
    assertThat(items.get(1).columnNames()).isSameAs(items.get(0).columnNames());
    assertThat(items.get(1).kind()).isSameAs(items.get(0).kind());
    assertThatThrownBy(() -> itemsOf("{\"columnnames\":[\"a\"]}", "{\"columnnames\":[\"a\",1]}"))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("'columnnames' must be a string");
  }

  private static long nextLsn(String digits) {
    return itemsOf("{\"nextlsn\":" + digits + "}").get(0).nextLsn();
  }

  /** The items of one Split result, as the pipeline reads a response. */
  private static List<ChangeItem> itemsOf(String... items) {
    byte[] response =
        ("{\"Records\":[{\"result\":\"Split\",\"cdc_split\":[" + String.join(",", items) + "]}]}")
            .getBytes(StandardCharsets.UTF_8);
    return BatchJson.readResponseKeepingText(response).get(0).cdcSplit();
  }

  /** One Split result whose items have these table_schema values. */
  private static byte[] response(String... schemas) {
    List<String> items = new ArrayList<>();
    for (String schema : schemas) {
      items.add(
          "{\"kind\":\"insert\",\"table\":\"t\",\"columnnames\":[\"a\"],"
              + "\"columnvalues\":[\"x\"],\"table_schema\":"
              + schema
              + "}");
    }
    return ("{\"Records\":[{\"result\":\"Split\",\"cdc_split\":["
            + String.join(",", items)
            + "]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("A transform stops with ResponseTooLarge when the answer would pass the limit")
  void transformStopsAtTheLimit() {
    byte[] request = batch(TRANSFER_RECORD + "," + TRANSFER_RECORD);
    BatchJson.ResultWriter fourBytes =
        (record, out) -> out.append("null".getBytes(StandardCharsets.US_ASCII));
    int exact = "{\"Records\":[null,null]}".length();

    assertThat(
            new String(
                BatchJson.transformRecords(request, exact, fourBytes), StandardCharsets.UTF_8))
        .isEqualTo("{\"Records\":[null,null]}");
    assertThatThrownBy(() -> BatchJson.transformRecords(request, exact - 1, fourBytes))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  private static byte[] batch(String record) {
    return ("{\"Records\":[" + record + "]}").getBytes(StandardCharsets.UTF_8);
  }

  /** An insert into table {@code t} (id 0, nextlsn 1, commitTime 2) with these columns. */
  private static ChangeItem insertIntoT(
      List<String> names, List<JsonNode> values, TableSchema schema) {
    return new ChangeItem(
        0, 1, 2, 0, "insert", "", "t", "", names, values, schema, OldKeys.NONE, "", "");
  }
}
