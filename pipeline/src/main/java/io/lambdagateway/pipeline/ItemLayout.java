package io.lambdagateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.Base64Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The column layouts in which engine versions hand a Kafka message read "as is" to the function
 * (contract §2 and §8, "Kafka source items"). Every layout starts with the four key columns topic,
 * partition, offset (named {@code seq_no} outside the 6-column layout) and write_time (RFC 3339);
 * they differ in how the value travels:
 *
 * <ul>
 *   <li>{@link #FIVE}, the older engine without a "homo" target: {@code data} is the value as text
 *       ({@code utf8}, original type {@code mirror:binary}; Go writes {@code string(bytes)}, so
 *       bytes that are not UTF-8 arrive replaced by U+FFFD, as here).
 *   <li>{@link #SIX}, the older engine with a "homo" target: {@code key} and {@code data} as base64
 *       ({@code string}, YT's bytes type), null when absent.
 *   <li>{@link #SEVEN}, transferia: the five-column layout plus {@code meta} ({@code any}; sent as
 *       null, as the engine's plain raw message has none) and {@code sequence_key} (bytes; we send
 *       the message key, base64, or null: the engine's source code was not read that far).
 * </ul>
 *
 * In the 5- and 7-column layouts the four key columns are also {@code required}, as the engine's
 * raw-data schema declares them; a tombstone's data is {@code ""} there (Go's {@code string(nil)}).
 */
public enum ItemLayout {
  FIVE(
      List.of(
          Column.TOPIC_REQUIRED,
          Column.PARTITION_REQUIRED,
          Column.SEQ_NO,
          Column.WRITE_TIME_REQUIRED,
          Column.DATA_TEXT)),
  SIX(
      List.of(
          Column.TOPIC,
          Column.PARTITION,
          Column.OFFSET,
          Column.WRITE_TIME,
          Column.KEY_BASE64,
          Column.DATA_BASE64)),
  SEVEN(
      List.of(
          Column.TOPIC_REQUIRED,
          Column.PARTITION_REQUIRED,
          Column.SEQ_NO,
          Column.WRITE_TIME_REQUIRED,
          Column.DATA_TEXT,
          Column.META,
          Column.SEQUENCE_KEY));

  private final List<Column> columns;

  ItemLayout(List<Column> columns) {
    this.columns = columns;
  }

  /** The layout with this many columns: 5, 6 or 7. */
  public static ItemLayout ofColumns(int count) {
    for (ItemLayout layout : values()) {
      if (layout.columns.size() == count) {
        return layout;
      }
    }
    throw new IllegalArgumentException("item layout must be 5, 6 or 7 columns, was " + count);
  }

  List<Column> columns() {
    return columns;
  }

  /** The column count, the layout's name on the command line. */
  public int columnCount() {
    return columns.size();
  }

  /** One column: its schema entry and how a message gives its value. */
  enum Column {
    TOPIC("topic", "utf8", true, false, "", s -> text(s.topic())),
    TOPIC_REQUIRED("topic", "utf8", true, true, "", s -> text(s.topic())),
    PARTITION("partition", "uint32", true, false, "", s -> number(s.partition())),
    PARTITION_REQUIRED("partition", "uint32", true, true, "", s -> number(s.partition())),
    OFFSET("offset", "uint64", true, false, "", s -> number(s.offset())),
    SEQ_NO("seq_no", "uint64", true, true, "", s -> number(s.offset())),
    WRITE_TIME("write_time", "datetime", true, false, "", Column::writeTime),
    WRITE_TIME_REQUIRED("write_time", "datetime", true, true, "", Column::writeTime),
    KEY_BASE64("key", "string", false, false, "", s -> base64OrNull(s.key())),
    DATA_BASE64("data", "string", false, false, "", s -> base64OrNull(s.value())),
    DATA_TEXT("data", "utf8", false, false, "mirror:binary", Column::valueAsText),
    META("meta", "any", false, false, "", s -> JsonNodeFactory.instance.nullNode()),
    SEQUENCE_KEY("sequence_key", "string", false, false, "", s -> base64OrNull(s.key()));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final String columnName;
    final String type;
    final boolean key;
    final boolean required;
    final String originalType;
    final Function<SourceRecord, JsonNode> value;

    Column(
        String columnName,
        String type,
        boolean key,
        boolean required,
        String originalType,
        Function<SourceRecord, JsonNode> value) {
      this.columnName = columnName;
      this.type = type;
      this.key = key;
      this.required = required;
      this.originalType = originalType;
      this.value = value;
    }

    private static JsonNode number(long value) {
      return NODES.numberNode(value);
    }

    private static JsonNode text(String value) {
      return NODES.textNode(value);
    }

    private static JsonNode writeTime(SourceRecord source) {
      return NODES.textNode(Instant.ofEpochMilli(source.timestampMs()).toString());
    }

    private static JsonNode valueAsText(SourceRecord source) {
      byte[] value = source.value();
      return NODES.textNode(value == null ? "" : new String(value, StandardCharsets.UTF_8));
    }

    private static JsonNode base64OrNull(byte[] bytes) {
      return bytes == null ? NODES.nullNode() : Base64Text.of(bytes);
    }
  }
}
