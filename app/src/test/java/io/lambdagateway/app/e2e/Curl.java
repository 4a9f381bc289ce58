package io.lambdagateway.app.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that run printed curl lines for real need {@code curl} on the PATH. Without it they skip
 * loudly, unless {@code LAMBDA_GATEWAY_REQUIRE_CURL=true} (set by {@code .ci/run}) makes its
 * absence a failure.
 */
final class Curl {

  static final String REQUIRE = "LAMBDA_GATEWAY_REQUIRE_CURL";

  private Curl() {}

  /** True when curl is on the PATH; fails when it is required and missing. */
  static boolean present() {
    String path = System.getenv().getOrDefault("PATH", "");
    boolean found =
        Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "curl")));
    if (!found) {
      if ("true".equals(System.getenv(REQUIRE))) {
        fail("curl is required (" + REQUIRE + "=true) but is not on the PATH");
      }
      System.err.println(
          "*** SKIPPED: curl is not on the PATH; the printed curl lines are not run");
    }
    return found;
  }

  /** Skips the calling test (loudly) when curl is missing and not required. */
  static void assume() {
    Assumptions.assumeTrue(present(), "curl is not on the PATH");
  }
}
