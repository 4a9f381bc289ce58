package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.ResultRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Coverage-guided fuzzing of the transformation function (Jazzer). In a normal build each target
 * replays only its saved inputs under {@code src/test/resources/.../EnricherFuzzTestInputs/
 * <method>/}; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (docs/development.md,
 * "Fuzzing").
 *
 * <p>The contract held here: any body gives a response or a {@link MalformedBatchException}, never
 * another throwable; a response is strict JSON with one result per request record, in order, each
 * with its record's eventID.
 */
@DisplayName("Enricher, fuzzed")
class EnricherFuzzTest {

  private static final byte RECORD_SEPARATOR = 0x1E;
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Enricher STRICT_ROWS =
      Enricher.create(new EnricherConfig("203.0.113.7", false));
  private static final Enricher SKIPPING_ROWS =
      Enricher.create(new EnricherConfig("2001:db8::7", true));

  @FuzzTest(maxDuration = "30s")
  @DisplayName("Any body: a response with one result per record, or MalformedBatch")
  void anyBody(byte[] body) throws IOException {
    byte[] response;
    try {
      response = STRICT_ROWS.transform(body);
    } catch (MalformedBatchException notABatch) {
      return;
    }
    assertAnswers(BatchJson.readRequest(body), response);
  }

  /**
   * A well-formed batch whose Kafka message values are fuzzed (raw bytes, base64-encoded into
   * {@code data} as Transfer does), so that the fuzzer works on the rows rather than on the batch's
   * JSON. The input holds the messages separated by ASCII's record separator (0x1E), which keeps a
   * message's own {@code \n} between its rows.
   */
  @FuzzTest(maxDuration = "30s")
  @DisplayName("Any message values in a valid batch: one result per record, never a throw")
  void anyMessageValues(FuzzedDataProvider data) throws IOException {
    Enricher enricher = data.consumeBoolean() ? SKIPPING_ROWS : STRICT_ROWS;
    List<BatchRecord> records = new ArrayList<>();
    for (byte[] value : messages(data.consumeRemainingAsBytes())) {
      String base64 = Base64.getEncoder().encodeToString(value);
      records.add(
          Batches.kafkaRecordWithData(records.size(), JsonNodeFactory.instance.textNode(base64)));
    }
    assertAnswers(records, enricher.transform(BatchJson.writeRequest(records)));
  }

  private static void assertAnswers(List<BatchRecord> records, byte[] response) throws IOException {
    STRICT.readTree(response);
    List<ResultRecord> results = BatchJson.readResponse(response);
    assertThat(results).hasSameSizeAs(records);
    for (int i = 0; i < records.size(); i++) {
      assertThat(results.get(i).envelope().eventId())
          .isEqualTo(records.get(i).envelope().eventId());
    }
  }

  private static List<byte[]> messages(byte[] bytes) {
    List<byte[]> messages = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == RECORD_SEPARATOR) {
        messages.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    return messages;
  }
}
