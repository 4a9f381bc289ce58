package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code 1e9999999999} is valid JSON ({@code JSON.parse} reads it as Infinity) but beyond
 * BigDecimal; converting it used to throw out of {@code transform}.
 */
@DisplayName("Numbers beyond BigDecimal's range in a row's data")
class OutOfRangeNumberTest {

  private static final String ROW = "ts=2024-06-20T21:06:48Z&data={\"appid\":\"a\",%s}";

  private final Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));

  @Test
  @DisplayName("In a field that is not a column, the number is ignored and the row enriched")
  void ignoredOutsideColumns() {
    ResultRecord result = only(String.format(ROW, "\"x\":1e9999999999"));

    assertThat(result.result()).isEqualTo(Result.SPLIT);
    assertThat(result.cdcSplit().get(0).valueOf("appid").textValue()).isEqualTo("a");
  }

  @Test
  @DisplayName("In a column, it fails its record with a message instead of throwing")
  void badRowInAColumn() {
    ResultRecord result = only(String.format(ROW, "\"identity\":-1e9999999999"));

    assertThat(result.result()).isEqualTo(Result.PROCESSING_FAILED);
    assertThat(result.error()).startsWith("row 0: 'identity' in 'data' is a number out of range: ");
  }

  @Test
  @DisplayName("In the request's own column values, it is a malformed batch")
  void malformedBatchInTheRequest() {
    String request =
        "{\"Records\":[{\"cdc\":{\"columnnames\":[\"x\",\"data\"],"
            + "\"columnvalues\":[1e9999999999,\"dHM9MQ==\"]}}]}";

    assertThatThrownBy(() -> enricher.transform(request.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageStartingWith("a number in the batch is out of range");
  }

  private ResultRecord only(String value) {
    byte[] response = enricher.transform(Batches.request(Batches.kafkaRecord(1, value)));
    List<ResultRecord> results = BatchJson.readResponse(response);
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
