package io.lambdagateway.enricher;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.BodyText;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ColumnSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the Kafka value from the text of the {@code data} column in every item layout an engine
 * sends (contract §8, "Kafka source items"): the 6-column layout declares {@code data} as YT's
 * bytes type {@code string} and sends base64; the 5- and 7-column layouts declare it {@code utf8}
 * (original type {@code mirror:binary}) and send the value as text. An item without a schema for
 * {@code data} is read as base64.
 *
 * <p>A base64 value still in the request's bytes ({@link BodyText}) is decoded from them.
 */
public final class DataColumn {

  public static final String NAME = "data";
  private static final String TEXT_TYPE = "utf8";

  private DataColumn() {}

  /**
   * The bytes of {@code value}, the item's textual {@code data} value.
   *
   * @throws IllegalArgumentException when a base64 column holds text that is not base64
   */
  public static byte[] bytes(ChangeItem item, JsonNode value) {
    if (isText(item)) {
      return value.textValue().getBytes(StandardCharsets.UTF_8);
    }
    return value instanceof BodyText inBody
        ? inBody.decodeBase64()
        : Base64.getDecoder().decode(value.textValue());
  }

  private static boolean isText(ChangeItem item) {
    for (ColumnSchema column : item.tableSchema().columns()) {
      if (NAME.equals(column.name())) {
        return TEXT_TYPE.equals(column.type());
      }
    }
    return false;
  }
}
