package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a custom-runtime {@code bootstrap} (bash + curl) for a test: a preamble with {@code next}
 * (sets {@code EVENT}, {@code ID} and {@code DEADLINE}), {@code respond BODY} and {@code fail TYPE
 * BODY}, then the test's init lines, then a loop running the test's handler lines for each event.
 */
final class Bootstrap {

  private static final String PREAMBLE =
      """
      #!/bin/bash
      API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
      next() {
        local headers; headers=$(mktemp)
        EVENT=$(curl -sS -D "$headers" "$API/invocation/next")
        ID=$(grep -i '^lambda-runtime-aws-request-id:' "$headers" | tr -d '\\r' | cut -d' ' -f2)
        DEADLINE=$(grep -i '^lambda-runtime-deadline-ms:' "$headers" | tr -d '\\r' | cut -d' ' -f2)
        rm -f "$headers"
      }
      respond() {
        curl -sS -o /dev/null -X POST "$API/invocation/$ID/response" --data-binary "$1"
      }
      fail() {
        curl -sS -o /dev/null -X POST "$API/invocation/$ID/error" \\
          -H "Lambda-Runtime-Function-Error-Type: $1" --data-binary "$2"
      }
      """;

  private Bootstrap() {}

  /** A code directory holding the bootstrap. */
  static Path write(Path dir, String init, String handler) {
    String script = PREAMBLE + init + "\nwhile true; do\n  next\n" + handler + "\ndone\n";
    try {
      Path bootstrap = dir.resolve("bootstrap");
      Files.writeString(bootstrap, script);
      Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
