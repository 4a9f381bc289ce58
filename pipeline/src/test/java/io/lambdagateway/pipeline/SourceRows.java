package io.lambdagateway.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo-producer-like source messages (contract §6: 1..n query-string rows joined by '\n') and the
 * exact target values the enrichment must produce for them, built independently of the enricher's
 * code.
 */
final class SourceRows {

  private final List<byte[]> values = new ArrayList<>();
  private final List<String> expectedTargetValues = new ArrayList<>();
  private final Random random;
  private final String runId;

  SourceRows(long seed, String runId) {
    this.random = new Random(seed);
    this.runId = runId;
  }

  /** Adds {@code count} good messages of 1..maxRows rows each. */
  SourceRows good(int count, int maxRows) {
    for (int i = 0; i < count; i++) {
      int message = values.size();
      int rows = 1 + random.nextInt(maxRows);
      List<String> lines = new ArrayList<>();
      for (int row = 0; row < rows; row++) {
        String id = runId + "-" + message + "-" + row;
        String ts = "2024-06-20T21:06:" + String.format("%02d", row % 60) + "Z";
        lines.add(
            "ts="
                + ts
                + "&ip=FILL_ME&data={\"appid\":\"app-"
                + id
                + "\",\"payload\":{"
                + "\"MOBILE\":\""
                + row
                + "\",\"EMAIL\":\""
                + id
                + "@gmail.com\"},\"identity\":\""
                + id
                + "@example.com\"}");
        expectedTargetValues.add(
            "{\"appid\":\"app-"
                + id
                + "\",\"data\":{\"EMAIL\":\""
                + id
                + "@gmail.com\",\"MOBILE\":\""
                + row
                + "\"},\"identity\":\""
                + id
                + "@example.com\","
                + "\"ip\":\""
                + FunctionServer.PUBLIC_IP
                + "\",\"ts\":\""
                + ts
                + "\"}");
      }
      values.add(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** Adds a message whose row cannot be parsed (no ts, data not JSON): a ProcessingFailed. */
  SourceRows bad() {
    values.add(("garbage-" + values.size() + "&data=not-json").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  List<byte[]> values() {
    return values;
  }

  List<String> expectedTargetValues() {
    return expectedTargetValues;
  }
}
