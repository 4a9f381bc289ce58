package io.lambdagateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The function's answer for one request record (contract §3).
 *
 * @param status what the function did with the record
 * @param items the output change items: one for {@code Ok}, 0..n for {@code Split}, none otherwise
 * @param error the function's message for {@code ProcessingFailed}, else null
 */
public record RecordResult(Status status, List<JsonNode> items, String error) {

  /** The {@code result} values a function may return. */
  public enum Status {
    OK("Ok"), SPLIT("Split"), DROPPED("Dropped"), PROCESSING_FAILED("ProcessingFailed");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    /** The value of the {@code result} field. */
    public String wireName() {
      return wireName;
    }
  }

  public RecordResult {
    items = List.copyOf(items);
  }
}
