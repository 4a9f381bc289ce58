package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Base64 column values written from their encoded bytes")
class Base64TextTest {

  private static final Random RANDOM = new Random(7);

  @Test
  @DisplayName("Reads as the JDK's base64 text of the bytes, and equals that text's TextNode")
  void readsAsItsText() {
    for (int length : new int[] {0, 1, 2, 3, 57, 800, 4096}) {
      byte[] bytes = randomBytes(length);
      String text = Base64.getEncoder().encodeToString(bytes);

      Base64Text value = Base64Text.of(bytes);

      assertThat(value.isTextual()).isTrue();
      assertThat(value.textValue()).isEqualTo(text);
      assertThat(value.asText()).isEqualTo(text);
      assertThat(value).isEqualTo(TextNode.valueOf(text));
      assertThat(value.hashCode()).isEqualTo(TextNode.valueOf(text).hashCode());
      assertThat(value).isNotEqualTo(TextNode.valueOf(text + "A"));
    }
  }

  @Test
  @DisplayName(
      "A request record holding it is the same bytes as with the TextNode, and it serializes as"
          + " that text through a character-based writer too")
  void writtenAsItsText() throws Exception {
    byte[] key = randomBytes(13);
    byte[] value = randomBytes(801);

    byte[] fast =
        BatchJson.writeRequestRecord(
            record(List.of(Base64Text.of(key), Base64Text.of(value), NullNode.getInstance())));
    byte[] plain =
        BatchJson.writeRequestRecord(
            record(
                List.of(
                    TextNode.valueOf(Base64.getEncoder().encodeToString(key)),
                    TextNode.valueOf(Base64.getEncoder().encodeToString(value)),
                    NullNode.getInstance())));

    assertThat(fast).isEqualTo(plain);
    assertThat(TransferJson.MAPPER.writeValueAsString(Base64Text.of(value)))
        .isEqualTo(
            TransferJson.MAPPER.writeValueAsString(
                TextNode.valueOf(Base64.getEncoder().encodeToString(value))));
  }

  private static BatchRecord record(List<JsonNode> values) {
    ChangeItem item =
        new ChangeItem(
            0,
            5,
            6,
            0,
            "insert",
            "",
            "t",
            "",
            List.of("key", "data", "none"),
            values,
            TableSchema.EMPTY,
            OldKeys.NONE,
            "",
            "");
    return new BatchRecord(item, Envelope.forChangeItem(5, 0));
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
