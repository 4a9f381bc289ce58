package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("String column values of a body being read stay in the body until read")
class BodyTextTest {

  private static final String LONG_BASE64 =
      Base64.getEncoder()
          .encodeToString("ts=1&ip=FILL_ME&data={}\n".repeat(40).getBytes(StandardCharsets.UTF_8));

  /** Column values of every kind, spaced as a pretty printer or a careless client spaces them. */
  private static final String VALUES =
      "[ \""
          + LONG_BASE64
          + "\" ,\n\t\"\", \"short\",\"with \\\"quotes\\\" and \\\\ and \\/\",\"caf\\u00e9\","
          + "\"café ☕\", \"rocket 🚀 and \\ud83d\\ude80\", \"rocket 🚀 alone\", null, 12345678901234567890, 1.50, {\"a\":[\"x\"]}, [\"y\"], true,"
          + "\"QUJD\\/w==\" , \"not base64!\"\r\n]";

  private static byte[] request(String values) {
    return ("{\"Records\":[{\"cdc\":{\"kind\":\"insert\",\"columnnames\":[],"
            + "\"columnvalues\":"
            + values
            + "},\"eventID\":\"1.0\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The column values as a function sees them while the batch is being transformed. */
  private static List<JsonNode> transformedValues(byte[] request) {
    List<JsonNode> values = new ArrayList<>();
    BatchJson.transform(
        request, Integer.MAX_VALUE, (record, out) -> values.addAll(record.cdc().columnValues()));
    return values;
  }

  @Test
  @DisplayName("Every string reads as Jackson reads it; other values are as before")
  void everyValueAsJacksonReadsIt() {
    byte[] request = request(VALUES);
    List<JsonNode> expected = BatchJson.readRequest(request).get(0).cdc().columnValues();

    List<JsonNode> values = transformedValues(request);

    assertThat(values).hasSameSizeAs(expected);
    for (int i = 0; i < values.size(); i++) {
      JsonNode value = values.get(i);
      assertThat(value).isEqualTo(expected.get(i));
      assertThat(value.isTextual()).isEqualTo(expected.get(i).isTextual());
      if (value.isTextual()) {
        assertThat(value).isInstanceOf(BodyText.class);
        assertThat(value.textValue()).isEqualTo(expected.get(i).textValue());
        assertThat(value.asText()).isEqualTo(expected.get(i).asText());
        assertThat(value.hashCode()).isEqualTo(expected.get(i).hashCode());
        assertThat(value.toString()).isEqualTo(expected.get(i).toString());
      }
    }
    assertThat(values.get(0).textValue()).isEqualTo(LONG_BASE64);
    assertThat(values.get(5).textValue()).isEqualTo("café ☕");
  }

  @Test
  @DisplayName("A change item written back from them is byte for byte the one read as text")
  void writtenBackAsText() {
    byte[] request = request(VALUES);
    List<ResultRecord> transformed = new ArrayList<>();
    BatchJson.transform(
        request,
        Integer.MAX_VALUE,
        (record, out) -> transformed.add(ResultRecord.ok(record.cdc(), record.envelope())));
    List<ResultRecord> read = new ArrayList<>();
    for (BatchRecord record : BatchJson.readRequest(request)) {
      read.add(ResultRecord.ok(record.cdc(), record.envelope()));
    }

    assertThat(BatchJson.writeResponse(transformed)).isEqualTo(BatchJson.writeResponse(read));
  }

  @Test
  @DisplayName("Base64 decodes from the body, through escapes too, and fails as the decoder does")
  void decodesBase64() {
    List<JsonNode> values = transformedValues(request(VALUES));

    assertThat(((BodyText) values.get(0)).decodeBase64())
        .isEqualTo(Base64.getDecoder().decode(LONG_BASE64));
    assertThat(((BodyText) values.get(1)).decodeBase64()).isEmpty();
    assertThat(((BodyText) values.get(14)).decodeBase64())
        .isEqualTo(new byte[] {(byte) 0x41, (byte) 0x42, (byte) 0x43, (byte) 0xFF});
    assertThatThrownBy(() -> ((BodyText) values.get(15)).decodeBase64())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(catchMessage(() -> Base64.getDecoder().decode(values.get(15).textValue())));
  }

  @Test
  @DisplayName("It is textual and equal to a TextNode of its text, compared from its side")
  void textualAndEqual() {
    JsonNode value = transformedValues(request("[\"abc\"]")).get(0);

    assertThat(value.isTextual()).isTrue();
    assertThat(value).isEqualTo(TextNode.valueOf("abc")).isNotEqualTo(TextNode.valueOf("abd"));
    assertThat(TransferJson.MAPPER.valueToTree(value).textValue()).isEqualTo("abc");
  }

  @Test
  @DisplayName(
      "Written to a generator, each is the bytes writeString(textValue()) writes, escapes or not")
  void writtenAsJacksonWritesTheText() throws Exception {
    for (JsonNode value : transformedValues(request(VALUES))) {
      if (value.isTextual()) {
        assertThat(written(g -> ((BodyText) value).writeTo(g)))
            .isEqualTo(written(g -> g.writeString(value.textValue())));
      }
    }
  }

  @Test
  @DisplayName("A response read keeping text has them in its items, equal to the model reading")
  void responseKeepingText() {
    byte[] response =
        ("{\"Records\":[{\"result\":\"Split\",\"cdc_split\":[{\"kind\":\"insert\","
                + "\"columnnames\":[],\"columnvalues\":"
                + VALUES
                + "}]}]}")
            .getBytes(StandardCharsets.UTF_8);

    List<JsonNode> kept =
        BatchJson.readResponseKeepingText(response).get(0).cdcSplit().get(0).columnValues();
    List<JsonNode> model = BatchJson.readResponse(response).get(0).cdcSplit().get(0).columnValues();

    assertThat(kept).hasSameSizeAs(model);
    for (int i = 0; i < kept.size(); i++) {
      assertThat(kept.get(i)).isEqualTo(model.get(i));
      assertThat(kept.get(i) instanceof BodyText).isEqualTo(model.get(i).isTextual());
    }
    assertThat(model).allMatch(value -> !(value instanceof BodyText));
  }

  private interface Writing {
    void write(JsonGenerator generator) throws IOException;
  }

  private static byte[] written(Writing writing) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = TransferJson.FACTORY.createGenerator(out)) {
      writing.write(generator);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("Reading a request as a model keeps plain TextNodes")
  void modelReadingKeepsTextNodes() {
    JsonNode value = BatchJson.readRequest(request("[\"abc\"]")).get(0).cdc().columnValues().get(0);

    assertThat(value).isExactlyInstanceOf(TextNode.class);
  }

  private static String catchMessage(Runnable call) {
    try {
      call.run();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
