package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.ChangeItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TargetSerializerTest {

  private final TargetSerializer serializer = new TargetSerializer();

  /** A change item as the pipeline gets it: read by the contract's codec from a response. */
  private static ChangeItem item(String json) {
    String response = "{\"Records\":[{\"result\":\"Ok\",\"cdc\":" + json + "}]}";
    return BatchJson.readResponse(response.getBytes(StandardCharsets.UTF_8)).get(0).cdc();
  }

  @Test
  @DisplayName("An enriched insert becomes the public example's target value, keys sorted")
  void readmeExample() throws Exception {
    ChangeItem insert =
        item(
            "{\"kind\":\"insert\",\"schema\":\"\",\"table\":\"source-topic\","
                + "\"commitTime\":1722183591238000000,"
                + "\"columnnames\":[\"ts\",\"ip\",\"data\",\"appid\",\"identity\"],"
                + "\"columnvalues\":[\"1722183591238\",\"44.201.33.239\","
                + "{\"MOBILE\":\"366-380-1466\",\"EMAIL\":\"Laisha28@yahoo.com\"},\"rand_id_27212\","
                + "\"Lucas_Dickinson@example.com\"]}");

    TargetMessage message = serializer.serialize(insert);

    assertThat(new String(message.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"appid\":\"rand_id_27212\",\"data\":{\"EMAIL\":\"Laisha28@yahoo.com\",\"MOBILE\":\"366-380-1466\"},"
                + "\"identity\":\"Lucas_Dickinson@example.com\",\"ip\":\"44.201.33.239\",\"ts\":\"1722183591238\"}");
    assertThat(new String(message.key(), StandardCharsets.UTF_8)).isEqualTo("_source-topic");
  }

  @Test
  @DisplayName("Numbers stay exact and nested objects are sorted at every depth")
  void exactNumbersNestedSort() throws Exception {
    ChangeItem insert =
        item(
            "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"t\","
                + "\"columnnames\":[\"n\",\"d\",\"o\",\"e\",\"z\"],"
                + "\"columnvalues\":[18446744073709551615,0.1000000000000000055511151231257827,"
                + "{\"b\":[{\"z\":1,\"a\":2}],\"a\":null},1.5e3,2.50]}");

    TargetMessage message = serializer.serialize(insert);

    assertThat(new String(message.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"d\":0.1000000000000000055511151231257827,\"e\":1500,\"n\":18446744073709551615,"
                + "\"o\":{\"a\":null,\"b\":[{\"a\":2,\"z\":1}]},\"z\":2.50}");
    assertThat(new String(message.key(), StandardCharsets.UTF_8)).isEqualTo("s_t");
  }

  @Test
  @DisplayName("An object whose names are in order is written as it is, its nested objects sorted")
  void objectsInOrderKeepTheirNestedSort() throws Exception {
    ChangeItem insert =
        item(
            "{\"kind\":\"insert\",\"table\":\"t\",\"columnnames\":[\"o\"],"
                + "\"columnvalues\":[{\"a\":{\"z\":1,\"b\":[{\"y\":2,\"c\":3}]},\"b\":true}]}");

    assertThat(new String(serializer.serialize(insert).value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"o\":{\"a\":{\"b\":[{\"c\":3,\"y\":2}],\"z\":1},\"b\":true}}");
  }

  @Test
  @DisplayName("Updates, deletes and malformed items are refused")
  void refusals() throws Exception {
    assertThatThrownBy(
            () ->
                serializer.serialize(
                    item("{\"kind\":\"update\",\"columnnames\":[]," + "\"columnvalues\":[]}")))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("update");
    assertThatThrownBy(() -> serializer.serialize(item("{\"kind\":\"delete\"}")))
        .isInstanceOf(UnsupportedChangeException.class);
    assertThatThrownBy(
            () ->
                serializer.serialize(
                    item("{\"kind\":\"insert\",\"columnnames\":[\"a\"]," + "\"columnvalues\":[]}")))
        .isInstanceOf(UnsupportedChangeException.class);
  }

  @Test
  @DisplayName(
      "Booleans, nulls, escaped and non-ASCII text and empty containers are written as JSON; of a"
          + " repeated column the last value wins")
  void scalarsAndContainers() throws Exception {
    TargetMessage message =
        serializer.serialize(
            item(
                "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"t\","
                    + "\"columnnames\":[\"t\",\"f\",\"n\",\"q\",\"u\",\"o\",\"a\",\"t\"],"
                    + "\"columnvalues\":[true,false,null,\"say \\\"hi\\\"\\n\",\"été ✓\","
                    + "{},[],-7]}"));

    assertThat(new String(message.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"a\":[],\"f\":false,\"n\":null,\"o\":{},\"q\":\"say \\\"hi\\\"\\n\","
                + "\"t\":-7,\"u\":\"été ✓\"}");
  }

  @Test
  @DisplayName(
      "Items read as the pipeline reads them (text kept in the body) serialize to the same bytes"
          + " as items read as text, one serializer for many items, after a refusal too")
  void sameBytesFromTheBody() {
    String response =
        "{\"Records\":[{\"result\":\"Split\",\"cdc_split\":["
            + "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"t\","
            + "\"columnnames\":[\"b\",\"a\",\"c\",\"a\",\"e\",\"u\",\"o\"],"
            + "\"columnvalues\":[\"with \\\"quotes\\\" and \\\\ and \\/\",\"caf\\u00e9\","
            + "\"café ☕ \\ud83d\\ude00 😀\",\"second a\",\"🚀 raw only\",\"\\u0001\\t\","
            + "{\"z\":\"\\u00e9\",\"y\":[\"\\/\"]}]},"
            + "{\"kind\":\"update\",\"columnnames\":[],\"columnvalues\":[]},"
            + "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"u\",\"columnnames\":[\"x\"],"
            + "\"columnvalues\":[\"plain\"]}]}]}";
    byte[] body = response.getBytes(StandardCharsets.UTF_8);
    List<ChangeItem> kept = BatchJson.readResponseKeepingText(body).get(0).cdcSplit();
    List<ChangeItem> model = BatchJson.readResponse(body).get(0).cdcSplit();
    TargetSerializer keptSerializer = new TargetSerializer();

    for (int i = 0; i < kept.size(); i++) {
      ChangeItem item = kept.get(i);
      if (!"insert".equals(item.kind())) {
        assertThatThrownBy(() -> keptSerializer.serialize(item))
            .isInstanceOf(UnsupportedChangeException.class);
        continue;
      }
      TargetMessage fromBody = keptSerializer.serialize(item);
      TargetMessage fromText = new TargetSerializer().serialize(model.get(i));
      assertThat(fromBody.value()).isEqualTo(fromText.value());
      assertThat(fromBody.key()).isEqualTo(fromText.key());
    }
    assertThat(new String(keptSerializer.serialize(kept.get(0)).value(), StandardCharsets.UTF_8))
        .startsWith("{\"a\":\"second a\",\"b\":\"with \\\"quotes\\\" and \\\\ and /\"");
    assertThat(new String(keptSerializer.serialize(kept.get(2)).key(), StandardCharsets.UTF_8))
        .isEqualTo("s_u");
  }

  @Test
  @DisplayName(
      "One serializer for items whose columns change from item to item writes each in its own"
          + " columns' order, as a new serializer per item does")
  void columnsChangingBetweenItems() {
    String response =
        "{\"Records\":[{\"result\":\"Split\",\"cdc_split\":["
            + insert("[\"b\",\"a\",\"c\"]", "[1,2,3]")
            + ","
            + insert("[\"b\",\"a\",\"c\"]", "[4,5,6]")
            + ","
            + insert("[\"c\",\"b\",\"a\"]", "[7,8,9]")
            + ","
            + insert("[\"a\",\"a\",\"z\"]", "[10,11,12]")
            + ","
            + insert("[\"b\",\"a\",\"c\"]", "[13,14,15]")
            + "]}]}";
    List<ChangeItem> items =
        BatchJson.readResponseKeepingText(response.getBytes(StandardCharsets.UTF_8))
            .get(0)
            .cdcSplit();

    List<String> written =
        items.stream().map(item -> text(serializer.serialize(item).value())).toList();

    assertThat(written)
        .containsExactly(
            "{\"a\":2,\"b\":1,\"c\":3}",
            "{\"a\":5,\"b\":4,\"c\":6}",
            "{\"a\":9,\"b\":8,\"c\":7}",
            "{\"a\":11,\"z\":12}",
            "{\"a\":14,\"b\":13,\"c\":15}");
    for (int i = 0; i < items.size(); i++) {
      assertThat(written.get(i))
          .isEqualTo(text(new TargetSerializer().serialize(items.get(i)).value()));
    }
  }

  private static String insert(String names, String values) {
    return "{\"kind\":\"insert\",\"schema\":\"s\",\"table\":\"t\",\"columnnames\":"
        + names
        + ",\"columnvalues\":"
        + values
        + "}";
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
