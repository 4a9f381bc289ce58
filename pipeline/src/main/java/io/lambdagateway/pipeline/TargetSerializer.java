package io.lambdagateway.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Transfer's Kafka-target "json" serializer (contract §5): an {@code insert} item becomes one
 * message whose value is {@code {column: value}} and whose key is {@code <schema>_<table>}.
 * Object keys are written in sorted order at every depth (Transfer is written in Go, whose JSON
 * encoder sorts map keys), values stay JSON (an object column stays an object) and numbers are
 * exact. {@code update}, {@code delete} and system kinds are refused with
 * {@link UnsupportedChangeException}. Thread-safe.
 */
public final class TargetSerializer {

  /** The target message of one change item. */
  public TargetMessage serialize(JsonNode item) {
    String kind = item.path("kind").asText("");
    if (!"insert".equals(kind)) {
      throw new UnsupportedChangeException("the json serializer writes inserts only, got kind '"
        + kind + "'");
    }
    JsonNode names = item.path("columnnames");
    JsonNode values = item.path("columnvalues");
    if (!names.isArray() || !values.isArray() || names.size() != values.size()) {
      throw new UnsupportedChangeException("columnnames and columnvalues do not pair up");
    }
    Map<String, JsonNode> row = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      row.put(names.get(i).asText(), sorted(values.get(i)));
    }
    String key = item.path("schema").asText("") + "_" + item.path("table").asText("");
    return new TargetMessage(key.getBytes(StandardCharsets.UTF_8), write(row));
  }

  private static JsonNode sorted(JsonNode value) {
    if (value.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      toMap(value).forEach((k, v) -> copy.set(k, sorted(v)));
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      value.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return value;
  }

  private static Map<String, JsonNode> toMap(JsonNode object) {
    Map<String, JsonNode> fields = new TreeMap<>();
    object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static byte[] write(Map<String, JsonNode> row) {
    try {
      return Json.MAPPER.writeValueAsBytes(row);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
