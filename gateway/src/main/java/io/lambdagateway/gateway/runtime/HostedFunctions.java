package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.Vertx;
import java.nio.file.Files;

/** Registers a {@link FunctionSpec} with the platform as a function in runtime processes. */
public final class HostedFunctions {

  private HostedFunctions() {}

  /**
   * The hosted function of {@code spec}, run by its runtime's launcher. Blocking (it may probe an
   * interpreter): call while the gateway starts, not on an event loop. Environments start on the
   * first call.
   *
   * @param region the gateway's region ({@code AWS_REGION} of the runtime)
   * @throws IllegalArgumentException with one clear line when the function cannot run here (runtime
   *     unavailable, no code directory, no bootstrap)
   */
  public static HostedFunction of(
      FunctionSpec spec,
      Vertx vertx,
      String region,
      RuntimeSettings settings,
      RuntimeLaunchers launchers) {
    RuntimeLauncher launcher = launchers.of(spec.runtime());
    launcher
        .unavailableReason()
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(
                  "function "
                      + spec.name()
                      + ": runtime "
                      + spec.runtime().specName()
                      + " is not available: "
                      + reason);
            });
    if (!Files.isDirectory(spec.codeDir())) {
      throw new IllegalArgumentException(
          "function " + spec.name() + ": code directory " + spec.codeDir() + " does not exist");
    }
    launcher.command(spec);
    EnvironmentPool pool = new EnvironmentPool(vertx, spec, launcher, settings, region);
    return new HostedFunction(
        spec.name(),
        new RuntimeFunction(spec, pool),
        spec.timeout(),
        spec.memoryMb(),
        spec.reservedConcurrency(),
        CodeFacts.of(spec));
  }
}
