package io.lambdagateway.enricher;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.transfer.ResponseForm;
import io.lambdagateway.transfer.TransferJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the golden request/response pairs under src/test/resources/golden/. */
final class Golden {

  static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  /** The address every golden response was made with (a TEST-NET-3 documentation address). */
  static final String PUBLIC_IP = "203.0.113.7";

  private Golden() {}

  static byte[] request(String name) {
    return read(name + ".request.json");
  }

  /** The names of the golden pairs. */
  static final List<String> NAMES =
      List.of(
          "demo",
          "empty-batch",
          "empty-value",
          "bad-base64",
          "data-not-json",
          "legacy-5-column",
          "commit-time-nanos",
          "commit-time-max-uint64");

  /** The full-form response: {@code NAME.response.json}. */
  static byte[] response(String name) {
    return read(name + ".response.json");
  }

  /** The response in {@code form}: the full one, or {@code NAME.compact-response.json}. */
  static byte[] response(String name, ResponseForm form) {
    return form == ResponseForm.FULL ? response(name) : read(name + ".compact-response.json");
  }

  /** The tree of a JSON text, with exact numbers (BigInteger/BigDecimal where a long won't do). */
  static JsonNode tree(byte[] json) {
    try {
      return TransferJson.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON text in compact form, field order and number digits kept. */
  static String compact(byte[] json) {
    try {
      return TransferJson.write(tree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(DIRECTORY.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
