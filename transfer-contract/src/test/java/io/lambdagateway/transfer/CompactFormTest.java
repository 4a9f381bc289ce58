package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compact form decodes, the way the engine decodes (contract §8, {@link EngineItemDecoder}), to
 * exactly the change items the full form decodes to.
 */
@DisplayName("The compact response form")
class CompactFormTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The enricher's golden answers, in both forms. */
  private static final Path ENRICHER_GOLDEN = Path.of("../enricher/src/test/resources/golden");

  private static final Envelope ENVELOPE =
      new Envelope("CDC", "42.0", "tm", "1.0", "dt:cdc:change_item", "", "");

  /** Every field set, to values that are not Go's zero values. */
  private static final ChangeItem EVERY_FIELD =
      new ChangeItem(
          4_294_967_295L,
          -1L,
          1_718_876_759_101_000_000L,
          3,
          "update",
          "public",
          "users",
          "{\"partition\":1,\"topic\":\"t\"}",
          List.of("id", "doc"),
          List.of(NODES.numberNode(7), NODES.objectNode().put("a", 1.5)),
          TableSchema.of(
              List.of(
                  new ColumnSchema(
                      "public",
                      "users",
                      "doc",
                      "id",
                      "uint64",
                      true,
                      true,
                      true,
                      "e",
                      "pg:numeric",
                      NODES.objectNode().put("k", "v")))),
          new OldKeys(List.of("id"), List.of("numeric"), List.of(NODES.numberNode(7))),
          "tx-9",
          "UPDATE users");

  /** An enriched item as the enricher emits them: most fields zero. */
  private static final ChangeItem ENRICHED =
      new ChangeItem(
          0,
          17,
          1_700_000_000_000_000_000L,
          0,
          "insert",
          "",
          "events",
          "",
          List.of("ts", "ip", "data"),
          List.of(NODES.textNode("2024-01-01"), NODES.textNode("203.0.113.7"), NullNode.instance),
          TableSchema.of(
              List.of(
                  ColumnSchema.of("ts", "datetime", true, true),
                  ColumnSchema.of("ip", "utf8", false, false),
                  ColumnSchema.of("data", "any", false, false))),
          OldKeys.NONE,
          "",
          "");

  /** Every field at its zero value. */
  private static final ChangeItem ZERO =
      new ChangeItem(
          0,
          0,
          0,
          0,
          "",
          "",
          "",
          "",
          List.of(),
          List.of(),
          TableSchema.EMPTY,
          OldKeys.NONE,
          "",
          "");

  private static final List<ResultRecord> RESULTS =
      List.of(
          ResultRecord.split(List.of(ENRICHED, EVERY_FIELD, ZERO), ENVELOPE),
          ResultRecord.ok(ENRICHED, ENVELOPE),
          ResultRecord.split(List.of(), ENVELOPE));

  @Test
  @DisplayName("decodes, as the engine decodes, to the same change items as the full form")
  void compactDecodesAsFull() throws IOException {
    byte[] full = BatchJson.writeResponse(RESULTS, ResponseForm.FULL);
    byte[] compact = BatchJson.writeResponse(RESULTS, ResponseForm.COMPACT);

    List<EngineItemDecoder.Item> fromFull = EngineItemDecoder.splitItems(full);
    assertThat(fromFull).hasSize(4);
    assertThat(EngineItemDecoder.splitItems(compact)).isEqualTo(fromFull);
    assertThat(compact.length).isLessThan(full.length);
  }

  @Test
  @DisplayName("reads back through the codec as the same results as the full form")
  void codecReadsBothForms() {
    List<ResultRecord> full =
        BatchJson.readResponse(BatchJson.writeResponse(RESULTS, ResponseForm.FULL));
    List<ResultRecord> compact =
        BatchJson.readResponse(BatchJson.writeResponse(RESULTS, ResponseForm.COMPACT));

    assertThat(compact).isEqualTo(full);
  }

  @Test
  @DisplayName("writes only the fields that are not zero values")
  void onlyNonZeroFields() throws IOException {
    JsonNode response =
        new ObjectMapper().readTree(BatchJson.writeResponse(RESULTS, ResponseForm.COMPACT));
    JsonNode items = response.path("Records").get(0).path("cdc_split");

    assertThat(EngineItemDecoder.keys(items.get(0)))
        .containsExactly(
            "nextlsn",
            "commitTime",
            "kind",
            "table",
            "columnnames",
            "columnvalues",
            "table_schema");
    assertThat(items.get(0).path("table_schema").toString())
        .isEqualTo(
            "[{\"name\":\"ts\",\"type\":\"datetime\",\"key\":true,\"required\":true},"
                + "{\"name\":\"ip\",\"type\":\"utf8\"},{\"name\":\"data\",\"type\":\"any\"}]");
    assertThat(EngineItemDecoder.keys(items.get(1))).hasSize(14);
    assertThat(items.get(2).toString()).isEqualTo("{}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "demo",
        "bad-base64",
        "data-not-json",
        "legacy-5-column",
        "commit-time-nanos",
        "commit-time-max-uint64"
      })
  @DisplayName("each of the enricher's compact golden answers decodes as its full golden answer")
  void compactGoldenDecodesAsFullGolden(String name) throws IOException {
    byte[] full = Files.readAllBytes(ENRICHER_GOLDEN.resolve(name + ".response.json"));
    byte[] compact = Files.readAllBytes(ENRICHER_GOLDEN.resolve(name + ".compact-response.json"));

    assertThat(EngineItemDecoder.splitItems(compact))
        .isEqualTo(EngineItemDecoder.splitItems(full))
        .isNotEmpty();
    assertThat(compact.length).isLessThan(full.length);
  }

  @Test
  @DisplayName("the engine-like decoder is strict where the engine is: integer literals only")
  void decoderRefusesWhatTheEngineRefuses() throws IOException {
    ObjectMapper json = new ObjectMapper();

    assertThatThrownBy(() -> EngineItemDecoder.item(json.readTree("{\"commitTime\":1.7e18}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineItemDecoder.item(json.readTree("{\"txPosition\":\"1\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(EngineItemDecoder.item(json.readTree("{\"Kind\":\"insert\"}")).kind()).isEmpty();
    assertThat(
            EngineItemDecoder.item(
                    json.readTree(
                        new String(bytes("{\"table_schema\":null}"), StandardCharsets.UTF_8)))
                .tableSchema())
        .isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
