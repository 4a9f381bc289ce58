package io.lambdagateway.transfer;

/** The outcome of one batch record, with the exact string Transfer reads in {@code result}. */
public enum Result {
  /** Transformed into exactly one item, in {@code cdc}. */
  OK("Ok"),
  /** Transformed into zero or more items, in {@code cdc_split}. */
  SPLIT("Split"),
  /** Dropped on purpose; counts as processed. */
  DROPPED("Dropped"),
  /** Could not be transformed; {@code error} says why. */
  PROCESSING_FAILED("ProcessingFailed");

  private final String wireName;

  Result(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the JSON {@code result} field. */
  public String wireName() {
    return wireName;
  }

  /** The result with this wire name, or null for an unknown one. */
  public static Result fromWireName(String name) {
    for (Result result : values()) {
      if (result.wireName.equals(name)) {
        return result;
      }
    }
    return null;
  }
}
