package io.lambdagateway.kafka;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one verticle in a fresh {@link Vertx} for a command-line command and blocks the calling
 * (non-Vert.x) thread until the verticle reports completion. On Ctrl+C / SIGTERM a shutdown hook
 * closes Vert.x, which undeploys the verticle so it can print its summary before the JVM exits.
 */
public final class VerticleRunner {

  private static final long DEPLOY_TIMEOUT_SECONDS = 60;

  private VerticleRunner() {}

  /**
   * Deploys {@code verticle}, waits for {@code completion} (asked after deployment) and closes
   * Vert.x.
   *
   * @return the completion's value
   * @throws Exception when deployment or completion fails
   */
  public static <T> T runToCompletion(VerticleBase verticle, Supplier<Future<T>> completion)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    Thread closeOnSignal = new Thread(() -> vertx.close().await(), "vertx-shutdown");
    Runtime.getRuntime().addShutdownHook(closeOnSignal);
    try {
      vertx.deployVerticle(verticle).await(DEPLOY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return completion.get().await();
    } finally {
      removeHook(closeOnSignal);
      vertx.close().await();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already running the hook, which closes Vert.x itself.
    }
  }
}
