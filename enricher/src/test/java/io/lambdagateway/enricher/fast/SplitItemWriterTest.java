package io.lambdagateway.enricher.fast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import io.lambdagateway.enricher.EnrichedColumns;
import io.lambdagateway.enricher.RawJson;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ChangeItemWriter;
import io.lambdagateway.transfer.OldKeys;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.TransferJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("The fast cdc_split writer")
class SplitItemWriterTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Property(tries = 300)
  @Label("writes exactly the bytes of the generic change-item writer, in either form")
  void fastPathEqualsGenericWriter(
      @ForAll ResponseForm form,
      @ForAll("ids") long id,
      @ForAll("texts") String ts,
      @ForAll("texts") String appid,
      @ForAll("values") JsonNode identity,
      @ForAll("texts") String table,
      @ForAll long commitTime,
      @ForAll("payloads") JsonNode payload)
      throws IOException {
    List<ChangeItem> items = new ArrayList<>();
    for (int position = 0; position < 3; position++) {
      List<JsonNode> values =
          List.of(
              NODES.textNode(ts),
              NODES.textNode("203.0.113.7"),
              payload,
              NODES.textNode(appid),
              identity);
      items.add(
          new ChangeItem(
              id,
              id == 0 ? 0 : -1L,
              commitTime,
              position,
              "insert",
              "",
              table,
              table + "_0",
              EnrichedColumns.NAMES,
              values,
              EnrichedColumns.SCHEMA,
              OldKeys.NONE,
              "",
              ""));
    }

    assertThat(writeFast(items, form)).isEqualTo(writeGeneric(items, form));
  }

  @Provide
  Arbitrary<Long> ids() {
    return Arbitraries.of(0L, 7L, 4_294_967_295L);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(6),
        Arbitraries.of("2024-06-20T21:06:48Z", "a\"b", "back\\slash", "tab\t", "café", "😀"));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        texts().map(NODES::textNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.integers().map(NODES::numberNode));
  }

  @Provide
  Arbitrary<JsonNode> payloads() {
    return Arbitraries.oneOf(
        Arbitraries.of("{\"EMAIL\":\"1@gmail.com\",\"MOBILE\":\"0\"}", "[1, 2.50, \"é\"]", "{}")
            .map(json -> raw(json)),
        Arbitraries.just(NODES.nullNode()),
        texts().map(NODES::textNode),
        Arbitraries.just(NODES.objectNode().put("tree", 1)));
  }

  private static JsonNode raw(String json) {
    byte[] bytes = ("xx" + json).getBytes(StandardCharsets.UTF_8);
    return NODES.rawValueNode(new RawValue(new RawJson(bytes, 2, bytes.length - 2)));
  }

  private static String writeFast(List<ChangeItem> items, ResponseForm form) throws IOException {
    return write(
        out -> {
          SplitItemWriter writer = new SplitItemWriter(form);
          for (ChangeItem item : items) {
            writer.write(out, item);
          }
        });
  }

  private static String writeGeneric(List<ChangeItem> items, ResponseForm form) throws IOException {
    return write(
        out -> {
          ChangeItemWriter generic = ChangeItemWriter.generic(form);
          for (ChangeItem item : items) {
            generic.write(out, item);
          }
        });
  }

  private static String write(Items items) throws IOException {
    ByteArrayBuilder bytes = new ByteArrayBuilder();
    try (JsonGenerator out = TransferJson.factory().createGenerator(bytes)) {
      out.writeStartArray();
      items.writeTo(out);
      out.writeEndArray();
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface Items {
    void writeTo(JsonGenerator out) throws IOException;
  }
}
