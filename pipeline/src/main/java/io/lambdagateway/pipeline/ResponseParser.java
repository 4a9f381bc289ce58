package io.lambdagateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.pipeline.RecordResult.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a function's response {@code {"Records":[RESULT, ...]}} strictly (contract §3): exactly
 * one result per request record, in order; a result that names an eventID must name the request's.
 * {@code Split} items are read from {@code cdc_split}, or from {@code cdc_splitted} (the public
 * example function's spelling). Numbers stay exact (commitTime is never parsed through a double).
 * Any deviation throws {@link InvalidResponseException}, which fails the whole batch. Thread-safe.
 */
public final class ResponseParser {

  /** Parses the response to a batch whose records have these event ids, in order. */
  public List<RecordResult> parse(byte[] body, List<String> requestEventIds) {
    JsonNode records = recordsOf(body);
    if (records.size() != requestEventIds.size()) {
      throw new InvalidResponseException("the function returned " + records.size()
        + " results for " + requestEventIds.size() + " records");
    }
    List<RecordResult> results = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      results.add(result(records.get(i), requestEventIds.get(i), i));
    }
    return results;
  }

  /**
   * Checks the answer to the empty-batch schema probe: any valid {@code Records} array; returns
   * the {@code table_schema} of the first returned item, or null when there is none.
   */
  public JsonNode parseProbe(byte[] body) {
    for (JsonNode record : recordsOf(body)) {
      JsonNode first = firstItem(record);
      if (first != null && first.has("table_schema")) {
        return first.get("table_schema");
      }
    }
    return null;
  }

  /** The first change item of a result: {@code cdc}, else the head of its split list. */
  private static JsonNode firstItem(JsonNode record) {
    if (record.path("cdc").isObject()) {
      return record.get("cdc");
    }
    for (String split : new String[] {"cdc_split", "cdc_splitted"}) {
      JsonNode items = record.path(split);
      if (items.isArray() && !items.isEmpty()) {
        return items.get(0);
      }
    }
    return null;
  }

  private static JsonNode recordsOf(byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidResponseException("the function's response is not JSON: " + e.getMessage(), e);
    }
    JsonNode records = root == null ? null : root.get("Records");
    if (records == null || !records.isArray()) {
      throw new InvalidResponseException("the function's response has no Records array");
    }
    return records;
  }

  private static RecordResult result(JsonNode record, String eventId, int index) {
    if (!record.isObject()) {
      throw invalid(index, "is not an object");
    }
    JsonNode echoedId = record.get("eventID");
    if (echoedId != null && echoedId.isTextual() && !echoedId.asText().isEmpty()
        && !echoedId.asText().equals(eventId)) {
      throw invalid(index, "answers eventID " + echoedId.asText() + " instead of " + eventId);
    }
    String result = record.path("result").asText("");
    return switch (result) {
      case "Ok" -> new RecordResult(Status.OK, List.of(changeItem(record.get("cdc"), index)), null);
      case "Split" -> new RecordResult(Status.SPLIT, splitItems(record, index), null);
      case "Dropped" -> new RecordResult(Status.DROPPED, List.of(), null);
      case "ProcessingFailed" -> new RecordResult(Status.PROCESSING_FAILED, List.of(),
        record.path("error").asText("the function reported ProcessingFailed without a message"));
      default -> throw invalid(index, "has an unknown result '" + result + "'");
    };
  }

  private static List<JsonNode> splitItems(JsonNode record, int index) {
    JsonNode split = record.get("cdc_split");
    if (split == null || split.isNull()) {
      split = record.get("cdc_splitted");
    }
    if (split == null || !split.isArray()) {
      throw invalid(index, "is Split without a cdc_split array");
    }
    List<JsonNode> items = new ArrayList<>(split.size());
    split.forEach(item -> items.add(changeItem(item, index)));
    return items;
  }

  private static JsonNode changeItem(JsonNode item, int index) {
    if (item == null || !item.isObject()) {
      throw invalid(index, "has no change item object");
    }
    return item;
  }

  private static InvalidResponseException invalid(int index, String what) {
    return new InvalidResponseException("result " + index + " " + what);
  }
}
