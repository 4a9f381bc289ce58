package io.lambdagateway.app.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target records a batch of demo messages must become, computed from the source rows alone
 * (contract §4–§5), without the enricher's code: one record per row, whose value is {@code {appid,
 * data: payload, identity, ip, ts}} with {@code ts} as sent and {@code ip} the configured public
 * address. Values are compared as JSON trees, so key order does not matter here (the serializer's
 * sorting is the pipeline's own test's business).
 */
final class ExpectedRecords {

  static final ObjectMapper JSON = new ObjectMapper();

  private ExpectedRecords() {}

  /** The expected target values of {@code messages}, each holding rows joined by '\n'. */
  static List<JsonNode> of(List<String> messages, String publicIp) {
    List<JsonNode> expected = new ArrayList<>();
    for (String message : messages) {
      for (String row : message.split("\n")) {
        expected.add(enrich(row, publicIp));
      }
    }
    return expected;
  }

  /** Parses each line of the target as JSON. */
  static List<JsonNode> parse(List<String> values) {
    return values.stream().map(ExpectedRecords::tree).toList();
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  /** Demo rows hold no '&' or '=' inside values (see DemoMessages), so a plain split is exact. */
  private static JsonNode enrich(String row, String publicIp) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : row.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    JsonNode data = tree(fields.get("data"));
    ObjectNode value = JSON.createObjectNode();
    value.set("appid", data.get("appid"));
    value.set("data", data.get("payload"));
    value.set("identity", data.get("identity"));
    value.put("ip", publicIp);
    value.put("ts", fields.get("ts"));
    return value;
  }
}
