package io.lambdagateway.app.container;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Decides whether the container tests can run: they need a reachable Docker engine. Without one
 * they are skipped with a loud message, unless the engine is declared required ({@code
 * LAMBDA_GATEWAY_REQUIRE_ENGINE=true} or {@code -Dlambda.gateway.requireEngine=true}), which a CI
 * that has started the engine sets so that a lost engine fails the build instead of silently
 * skipping the only test of the image.
 */
final class ContainerEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);
  private static final String NO_ENGINE =
      "NO CONTAINER ENGINE REACHABLE, so the gateway image"
          + " cannot be built or tested. Start one with `.ci/container-engine.sh` (as root) and run"
          + " Maven with its exports: DOCKER_HOST, TESTCONTAINERS_RYUK_DISABLED=true,"
          + " TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1.";

  private static Boolean reachable;

  private ContainerEngine() {}

  /** Whether an engine answers; asked once per JVM, and warned about loudly when none does. */
  static synchronized boolean isReachable() {
    if (reachable == null) {
      reachable = DockerClientFactory.instance().isDockerAvailable();
      if (!reachable) {
        LOG.warn("{} The container tests are SKIPPED.", NO_ENGINE);
        System.err.println("WARNING: " + NO_ENGINE + " The container tests are SKIPPED.");
      }
    }
    return reachable;
  }

  /**
   * Returns when an engine answers; otherwise skips the calling test (so each one is reported as
   * skipped, not silently absent) or, when the engine is required, fails it.
   */
  static void assumeReachable() {
    if (isReachable()) {
      return;
    }
    if (required()) {
      fail(NO_ENGINE + " The engine is required here (LAMBDA_GATEWAY_REQUIRE_ENGINE).");
    }
    Assumptions.abort("SKIPPED: " + NO_ENGINE);
  }

  private static boolean required() {
    String configured =
        System.getProperty(
            "lambda.gateway.requireEngine", System.getenv("LAMBDA_GATEWAY_REQUIRE_ENGINE"));
    return Boolean.parseBoolean(configured);
  }
}
