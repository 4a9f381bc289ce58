package io.lambdagateway.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.TransferJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Transfer's Kafka-target "json" serializer (contract §5): an {@code insert} item becomes one
 * message whose value is {@code {column: value}} and whose key is {@code <schema>_<table>}. Object
 * keys are written in sorted order at every depth (Transfer is written in Go, whose JSON encoder
 * sorts map keys), values stay JSON (an object column stays an object) and numbers are exact,
 * decimals written without exponent. {@code update}, {@code delete} and system kinds are refused
 * with {@link UnsupportedChangeException}. Thread-safe.
 */
public final class TargetSerializer {

  /** The target message of one change item. */
  public TargetMessage serialize(ChangeItem item) {
    if (!"insert".equals(item.kind())) {
      throw new UnsupportedChangeException(
          "the json serializer writes inserts only, got kind '" + item.kind() + "'");
    }
    List<String> names = item.columnNames();
    List<JsonNode> values = item.columnValues();
    if (names.size() != values.size()) {
      throw new UnsupportedChangeException("columnnames and columnvalues do not pair up");
    }
    Map<String, JsonNode> row = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      row.put(names.get(i), values.get(i));
    }
    String key = item.schema() + "_" + item.table();
    return new TargetMessage(key.getBytes(StandardCharsets.UTF_8), write(row));
  }

  private static byte[] write(Map<String, JsonNode> row) {
    ByteArrayBuilder bytes = new ByteArrayBuilder();
    try (JsonGenerator out = TransferJson.factory().createGenerator(bytes)) {
      out.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
      writeObject(out, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeObject(JsonGenerator out, Map<String, JsonNode> fields)
      throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      out.writeFieldName(field.getKey());
      writeSorted(out, field.getValue());
    }
    out.writeEndObject();
  }

  private static void writeSorted(JsonGenerator out, JsonNode value) throws IOException {
    if (value.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = value.fields();
      it.forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
      writeObject(out, fields);
    } else if (value.isArray()) {
      out.writeStartArray();
      for (JsonNode element : value) {
        writeSorted(out, element);
      }
      out.writeEndArray();
    } else {
      writeScalar(out, value);
    }
  }

  /**
   * Writes a scalar as its node would serialize itself, without {@code writeTree}, which goes
   * through the mapper's serializer lookup and flushes the generator after every value.
   */
  private static void writeScalar(JsonGenerator out, JsonNode value) throws IOException {
    switch (value.getNodeType()) {
      case STRING -> out.writeString(value.textValue());
      case BOOLEAN -> out.writeBoolean(value.booleanValue());
      case NULL -> out.writeNull();
      case NUMBER -> writeNumber(out, value);
      default -> out.writeTree(value);
    }
  }

  private static void writeNumber(JsonGenerator out, JsonNode value) throws IOException {
    switch (value.numberType()) {
      case INT, LONG -> out.writeNumber(value.longValue());
      case BIG_INTEGER -> out.writeNumber(value.bigIntegerValue());
      case FLOAT -> out.writeNumber(value.floatValue());
      case DOUBLE -> out.writeNumber(value.doubleValue());
      case BIG_DECIMAL -> out.writeNumber(value.decimalValue());
    }
  }
}
