package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Coverage-guided fuzzing of the batch codec (Jazzer). In a normal build each target replays only
 * its saved inputs under {@code src/test/resources/.../BatchJsonFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (docs/development.md, "Fuzzing").
 *
 * <p>The contract held here: whatever the codec reads it writes back decodable, and the written
 * body is canonical (reading and writing it again changes nothing: only the first write may fill in
 * what Transfer always sends, such as an absent envelope field as {@code ""}); anything else is a
 * {@link MalformedBatchException}, and no other exception or error escapes.
 */
@DisplayName("Batch codec, fuzzed")
class BatchJsonFuzzTest {

  @FuzzTest(maxDuration = "30s")
  @DisplayName("A request it reads is written back decodable and canonical; else MalformedBatch")
  void requestRoundTrip(byte[] body) {
    List<BatchRecord> records;
    try {
      records = BatchJson.readRequest(body);
    } catch (MalformedBatchException notABatch) {
      return;
    }
    byte[] written = BatchJson.writeRequest(records);
    List<BatchRecord> reread = BatchJson.readRequest(written);
    assertThat(reread).hasSameSizeAs(records);
    byte[] rewritten = BatchJson.writeRequest(reread);
    assertThat(rewritten).isEqualTo(written);
    assertThat(BatchJson.readRequest(rewritten)).isEqualTo(reread);
  }

  @FuzzTest(maxDuration = "30s")
  @DisplayName("A response it reads is written back decodable and canonical; else MalformedBatch")
  void responseRoundTrip(byte[] body) {
    List<ResultRecord> results;
    try {
      results = BatchJson.readResponse(body);
    } catch (MalformedBatchException notABatch) {
      return;
    }
    byte[] written = BatchJson.writeResponse(results);
    List<ResultRecord> reread = BatchJson.readResponse(written);
    assertThat(reread).hasSameSizeAs(results);
    byte[] rewritten = BatchJson.writeResponse(reread);
    assertThat(rewritten).isEqualTo(written);
    assertThat(BatchJson.readResponse(rewritten)).isEqualTo(reread);
  }
}
