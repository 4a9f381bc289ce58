package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the Java enricher's response with the Node enricher's, record by record and item by
 * item, exactly except for the differences listed on {@link NodeEnricherDifferentialTest}. JSON is
 * read with exact numbers (big integers, decimals with their scale), so {@code 1.0} and {@code 1}
 * differ here.
 */
final class EnricherResults {

  static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** What the example's result echoes of the request's envelope, besides its own two fields. */
  private static final List<String> ECHOED =
      List.of("eventID", "invokeIdentityArn", "eventVersion", "eventName", "eventSourceARN");

  /** The only fields of the example's items: it builds each item afresh (its newEvent). */
  private static final List<String> EXAMPLE_ITEM_FIELDS =
      List.of("commitTime", "kind", "table", "columnnames", "columnvalues", "table_schema");

  /** The example's hard-coded table name. */
  static final String EXAMPLE_TABLE = "source-topic";

  /** 2^53: above it not every integer is a JavaScript number. */
  private static final double EXACT_IN_JAVASCRIPT = 9_007_199_254_740_992d;

  private EnricherResults() {}

  static JsonNode tree(String json) {
    try {
      return EXACT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  /** Asserts that {@code node} says what {@code java} says, up to the listed differences. */
  static void assertSame(JsonNode java, JsonNode node) {
    JsonNode javaRecords = java.path("Records");
    JsonNode nodeRecords = node.path("Records");
    assertThat(nodeRecords.size()).as("records").isEqualTo(javaRecords.size());
    for (int i = 0; i < javaRecords.size(); i++) {
      assertSameRecord("record " + i, javaRecords.get(i), nodeRecords.get(i));
    }
  }

  private static void assertSameRecord(String where, JsonNode java, JsonNode node) {
    List<String> nodeFields = new ArrayList<>(ECHOED);
    nodeFields.addAll(List.of("cdc_splitted", "result"));
    assertThat(fieldNames(node)).as(where).containsExactlyInAnyOrderElementsOf(nodeFields);
    for (String field : ECHOED) {
      assertThat(node.get(field)).as(where + " " + field).isEqualTo(java.get(field));
    }
    String status = java.path("result").asText();
    assertThat(status).as(where + " (generated rows are all good)").isIn("Split", "Dropped");
    assertThat(node.path("result").asText()).as(where).isEqualTo("Split");
    // A record without rows: Java says Dropped, the example Split with no items.
    JsonNode javaItems = status.equals("Dropped") ? EXACT.createArrayNode() : java.get("cdc_split");
    JsonNode nodeItems = node.get("cdc_splitted");
    assertThat(nodeItems.size()).as(where + " items").isEqualTo(javaItems.size());
    for (int k = 0; k < javaItems.size(); k++) {
      assertSameItem(where + " item " + k, javaItems.get(k), nodeItems.get(k));
    }
  }

  private static void assertSameItem(String where, JsonNode java, JsonNode node) {
    assertThat(fieldNames(node)).as(where).containsExactlyInAnyOrderElementsOf(EXAMPLE_ITEM_FIELDS);
    assertThat(node.get("kind")).as(where).isEqualTo(java.get("kind"));
    assertThat(node.get("columnnames")).as(where).isEqualTo(java.get("columnnames"));
    assertThat(node.get("columnvalues")).as(where).isEqualTo(java.get("columnvalues"));
    assertSameNumber(where + " commitTime", java.get("commitTime"), node.get("commitTime"));
    assertThat(node.path("table").asText()).as(where).isEqualTo(EXAMPLE_TABLE);
    assertSameSchema(where, java.get("table_schema"), node.get("table_schema"));
  }

  /** Exact up to 2^53; above it, the same double (JavaScript's number). */
  static void assertSameNumber(String where, JsonNode java, JsonNode node) {
    if (java.asDouble() <= EXACT_IN_JAVASCRIPT) {
      assertThat(node).as(where).isEqualTo(java);
    } else {
      assertThat(Double.parseDouble(node.asText()))
          .as(where + " as a JavaScript number")
          .isEqualTo(Double.parseDouble(java.asText()));
    }
  }

  /** The example's schema names each column's name and type, and key/required only when true. */
  private static void assertSameSchema(String where, JsonNode java, JsonNode node) {
    assertThat(node.size()).as(where + " schema").isEqualTo(java.size());
    for (int c = 0; c < java.size(); c++) {
      JsonNode j = java.get(c);
      JsonNode n = node.get(c);
      assertThat(n.get("name")).as(where + " schema name").isEqualTo(j.get("name"));
      assertThat(n.get("type")).as(where + " schema type").isEqualTo(j.get("type"));
      assertThat(n.path("key").asBoolean(false)).isEqualTo(j.path("key").asBoolean());
      assertThat(n.path("required").asBoolean(false)).isEqualTo(j.path("required").asBoolean());
    }
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
