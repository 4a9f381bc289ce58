package io.lambdagateway.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.BodyText;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.TransferJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Transfer's Kafka-target "json" serializer (contract §5): an {@code insert} item becomes one
 * message whose value is {@code {column: value}} and whose key is {@code <schema>_<table>}. Object
 * keys are written in sorted order at every depth (Transfer is written in Go, whose JSON encoder
 * sorts map keys; of two columns with one name the later one is written, as a map keeps it), values
 * stay JSON (an object column stays an object) and numbers are exact, decimals written without
 * exponent. {@code update}, {@code delete} and system kinds are refused with {@link
 * UnsupportedChangeException}.
 *
 * <p>Not thread-safe: use one per batch, and close it. It writes every item with one generator into
 * one buffer and copies each value out, and reuses the key of the previous item's table; a
 * generator and its buffers per item were a tenth of what the pipeline allocated. Closing gives the
 * generator's buffers back to Jackson's per-thread pool: unclosed, each serializer took two new
 * ones (12 KB), and so did the next request encoding on its thread.
 */
public final class TargetSerializer implements AutoCloseable {

  private final ByteArrayBuilder bytes = new ByteArrayBuilder();

  /** Null until the first item, and after an item whose writing failed half-way. */
  private JsonGenerator generator;

  private String keySchema;
  private String keyTable;
  private byte[] key;

  /**
   * The columns of the previous item, and the positions to write them from, in name order: the
   * items of one response share one {@code columnnames} list, so it is sorted once per batch, not
   * once per item. Compared by identity: an item's list is immutable.
   */
  private List<String> orderedNames;

  private int[] order;

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
    return new TargetMessage(key(item), value(names, values));
  }

  private byte[] key(ChangeItem item) {
    if (!item.schema().equals(keySchema) || !item.table().equals(keyTable)) {
      keySchema = item.schema();
      keyTable = item.table();
      key = (keySchema + "_" + keyTable).getBytes(StandardCharsets.UTF_8);
    }
    return key;
  }

  private byte[] value(List<String> names, List<JsonNode> values) {
    try {
      JsonGenerator out = generator();
      writeRow(out, names, order(names), values);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      generator = null;
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      generator = null;
      throw e;
    } finally {
      bytes.reset();
    }
  }

  /** Releases the generator's buffers; the serializer must not be used afterwards. */
  @Override
  public void close() {
    if (generator != null) {
      try {
        generator.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        generator = null;
      }
    }
  }

  private JsonGenerator generator() throws IOException {
    if (generator == null) {
      generator = TransferJson.factory().createGenerator(bytes);
      generator.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
      // Each value is a message of its own: nothing between one and the next.
      generator.setRootValueSeparator(null);
    }
    return generator;
  }

  private int[] order(List<String> names) {
    if (names != orderedNames) {
      order = nameOrder(names);
      orderedNames = names;
    }
    return order;
  }

  /** The positions of the columns to write, in name order; of equal names the last. */
  private static int[] nameOrder(List<String> names) {
    Integer[] sorted = new Integer[names.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i;
    }
    // A stable sort: equal names keep their order, so the last of them is the later column.
    Arrays.sort(sorted, (a, b) -> names.get(a).compareTo(names.get(b)));
    return IntStream.range(0, sorted.length)
        .filter(
            k -> k + 1 == sorted.length || !names.get(sorted[k + 1]).equals(names.get(sorted[k])))
        .map(k -> sorted[k])
        .toArray();
  }

  /** The columns at {@code order}'s positions, as one object. */
  private static void writeRow(
      JsonGenerator out, List<String> names, int[] order, List<JsonNode> values)
      throws IOException {
    out.writeStartObject();
    for (int column : order) {
      out.writeFieldName(names.get(column));
      writeSorted(out, values.get(column));
    }
    out.writeEndObject();
  }

  private static void writeObject(JsonGenerator out, Iterable<Map.Entry<String, JsonNode>> fields)
      throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, JsonNode> field : fields) {
      out.writeFieldName(field.getKey());
      writeSorted(out, field.getValue());
    }
    out.writeEndObject();
  }

  /**
   * Whether the object's names already come in sorted order (an object's names are distinct), as
   * they usually do: then it is written as it is, without a sorted copy of its fields. Filling
   * those copies was a twentieth of the CPU samples of the pipeline's worker threads (JFR of
   * bench/pipeline-versus) and a quarter of what serializing an answer allocated.
   */
  private static boolean namesInOrder(JsonNode object) {
    String previous = null;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (previous != null && previous.compareTo(name) >= 0) {
        return false;
      }
      previous = name;
    }
    return true;
  }

  private static Iterable<Map.Entry<String, JsonNode>> sorted(JsonNode object) {
    Map<String, JsonNode> fields = new TreeMap<>();
    object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields.entrySet();
  }

  private static void writeSorted(JsonGenerator out, JsonNode value) throws IOException {
    if (value instanceof BodyText text) {
      text.writeTo(out);
    } else if (value.isObject()) {
      writeObject(out, namesInOrder(value) ? value::fields : sorted(value));
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
