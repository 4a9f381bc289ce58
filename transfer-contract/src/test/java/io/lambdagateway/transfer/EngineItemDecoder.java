package io.lambdagateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A change-item decoder that behaves as the engine's does (contract §8), written apart from the
 * codec so that it can judge it: Go's struct fields and their zero values, exact case-sensitive
 * keys, unknown keys skipped, no key required, a JSON null leaving the zero value, numbers only as
 * integer literals in range ({@code 1.0}, {@code 1e3} or {@code "1"} fail, as they do under {@code
 * UseNumber()} into an integer field). An omitted {@code table_schema} is a nil schema ({@code
 * null} here), an explicit {@code null} an empty one.
 */
final class EngineItemDecoder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** Go's {@code abstract.ChangeItem} as decoded. */
  record Item(
      long id,
      long nextLsn,
      long commitTime,
      long txPosition,
      String kind,
      String schema,
      String table,
      String part,
      List<String> columnNames,
      List<JsonNode> columnValues,
      List<Column> tableSchema,
      List<String> oldKeyNames,
      List<String> oldKeyTypes,
      List<JsonNode> oldKeyValues,
      String txId,
      String query) {}

  /** Go's {@code abstract.ColSchema} as decoded. */
  record Column(
      String tableSchema,
      String tableName,
      String path,
      String name,
      String type,
      boolean key,
      boolean fakeKey,
      boolean required,
      String expression,
      String originalType,
      JsonNode properties) {}

  private EngineItemDecoder() {}

  /** Every item of every {@code cdc_split} of a response body, in order. */
  static List<Item> splitItems(byte[] response) throws IOException {
    List<Item> items = new ArrayList<>();
    for (JsonNode record : JSON.readTree(response).path("Records")) {
      for (JsonNode item : record.path("cdc_split")) {
        items.add(item(item));
      }
      if (record.has("cdc")) {
        items.add(item(record.get("cdc")));
      }
    }
    return items;
  }

  static Item item(JsonNode object) {
    require(object.isObject(), "a change item must be an object");
    return new Item(
        unsigned(object.get("id"), UINT32_MAX),
        unsigned(object.get("nextlsn"), UINT64_MAX),
        unsigned(object.get("commitTime"), UINT64_MAX),
        integer(object.get("txPosition")),
        string(object.get("kind")),
        string(object.get("schema")),
        string(object.get("table")),
        string(object.get("part")),
        strings(object.get("columnnames")),
        values(object.get("columnvalues")),
        object.has("table_schema") ? columns(object.get("table_schema")) : null,
        strings(object.path("oldkeys").get("keynames")),
        strings(object.path("oldkeys").get("keytypes")),
        values(object.path("oldkeys").get("keyvalues")),
        string(object.get("tx_id")),
        string(object.get("query")));
  }

  private static List<Column> columns(JsonNode array) {
    List<Column> columns = new ArrayList<>();
    if (array.isNull()) {
      return columns;
    }
    require(array.isArray(), "table_schema must be an array");
    for (JsonNode column : array) {
      require(column.isObject(), "a column must be an object");
      columns.add(
          new Column(
              string(column.get("table_schema")),
              string(column.get("table_name")),
              string(column.get("path")),
              string(column.get("name")),
              string(column.get("type")),
              bool(column.get("key")),
              bool(column.get("fake_key")),
              bool(column.get("required")),
              string(column.get("expression")),
              string(column.get("original_type")),
              emptyAsAbsent(column.get("properties"))));
    }
    return columns;
  }

  private static JsonNode emptyAsAbsent(JsonNode properties) {
    return properties == null || properties.isNull() || properties.isEmpty() ? null : properties;
  }

  /** An unsigned integer up to {@code max}, held in a long's 64 bits. */
  private static long unsigned(JsonNode number, BigInteger max) {
    if (number == null || number.isNull()) {
      return 0;
    }
    require(number.isIntegralNumber(), "not an integer: " + number);
    BigInteger value = number.bigIntegerValue();
    require(value.signum() >= 0 && value.compareTo(max) <= 0, "out of range: " + number);
    return value.longValue();
  }

  private static long integer(JsonNode number) {
    if (number == null || number.isNull()) {
      return 0;
    }
    require(number.isIntegralNumber() && number.canConvertToLong(), "not an integer: " + number);
    return number.asLong();
  }

  private static String string(JsonNode text) {
    if (text == null || text.isNull()) {
      return "";
    }
    require(text.isTextual(), "not a string: " + text);
    return text.textValue();
  }

  private static boolean bool(JsonNode flag) {
    if (flag == null || flag.isNull()) {
      return false;
    }
    require(flag.isBoolean(), "not a boolean: " + flag);
    return flag.booleanValue();
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    if (array != null && !array.isNull()) {
      require(array.isArray(), "not an array: " + array);
      array.forEach(text -> strings.add(string(text)));
    }
    return strings;
  }

  private static List<JsonNode> values(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    if (array != null && !array.isNull()) {
      require(array.isArray(), "not an array: " + array);
      array.forEach(value -> values.add(value.isNull() ? NullNode.getInstance() : value));
    }
    return values;
  }

  /** The keys of an object, for checking which fields a form writes. */
  static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      keys.add(it.next().getKey());
    }
    return keys;
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("the engine would not decode this: " + problem);
    }
  }
}
