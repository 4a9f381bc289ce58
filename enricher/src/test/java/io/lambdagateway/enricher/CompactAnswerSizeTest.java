package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.LambdaLimits;
import io.lambdagateway.transfer.ResponseForm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's size target: a 1 MB batch of the demo's rows (the public producer's row, the shortest
 * and so the most inflating one) answers within Lambda's 6 MiB in the compact form, in less than
 * half the bytes of the full form.
 */
@DisplayName("The compact answer of a 1 MB batch")
class CompactAnswerSizeTest {

  private static final int ONE_MB = 1 << 20;
  private static final int ROWS_PER_MESSAGE = 10;

  @Test
  @DisplayName("fits in 6 MiB in the compact form, in less than half the full form's bytes")
  void oneMegabyteBatchFitsCompact() {
    byte[] request = oneMegabyteBatch();
    assertThat(request.length).isBetween(ONE_MB - 8192, ONE_MB);

    byte[] compact =
        enricher(ResponseForm.COMPACT).transform(request, LambdaLimits.MAX_RESPONSE_BYTES);
    byte[] full = enricher(ResponseForm.FULL).transform(request);

    assertThat(compact.length).isLessThan(LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    assertThat(compact.length).isLessThan(full.length / 2);
    assertThat(BatchJson.readResponse(compact)).isEqualTo(BatchJson.readResponse(full));
  }

  /** As many 10-row messages as fit in 1 MB. */
  private static byte[] oneMegabyteBatch() {
    String message = String.join("\n", Collections.nCopies(ROWS_PER_MESSAGE, Batches.PRODUCER_ROW));
    List<BatchRecord> records = new ArrayList<>();
    int recordBytes = Batches.request(Batches.kafkaRecord(100_000, message)).length;
    for (int i = 0; i < ONE_MB / recordBytes; i++) {
      records.add(Batches.kafkaRecord(100_000 + i, message));
    }
    byte[] request = BatchJson.writeRequest(records);
    while (request.length > ONE_MB) {
      records.remove(records.size() - 1);
      request = BatchJson.writeRequest(records);
    }
    return request;
  }

  private static Enricher enricher(ResponseForm form) {
    return Enricher.create(new EnricherConfig(Golden.PUBLIC_IP, false, form));
  }
}
