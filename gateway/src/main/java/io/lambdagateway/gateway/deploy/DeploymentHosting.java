package io.lambdagateway.gateway.deploy;

import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.FunctionFacts;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.HostedFunctions;
import io.lambdagateway.gateway.runtime.RuntimeFunction;
import io.lambdagateway.gateway.runtime.RuntimeLaunchers;
import io.lambdagateway.gateway.runtime.define.CodeDirectories;
import io.lambdagateway.gateway.runtime.define.CodeZip;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a {@link Deployment} runs: its zip extracted and checked, a {@link DeployedFunction} in the
 * registry, and, once replaced or deleted, its environments stopped after their calls in flight (at
 * most its timeout later) and its extracted code deleted. {@link Deployments} decides what changes;
 * this class only carries it out, on the deployments' worker.
 */
final class DeploymentHosting {

  private static final Duration RETIRE_MARGIN = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final GatewayConfig config;
  private final FunctionRegistry registry;
  private final WorkerExecutor worker;
  private final RuntimeLaunchers launchers = RuntimeLaunchers.defaults();

  /**
   * Replaced or deleted functions still retiring, with the future of their retirement; {@link
   * #stopAll} ends them and waits for them. Before, a retirement still stopping its environments
   * when Vert.x closed completed onto a terminated event loop ({@code RejectedExecutionException}).
   */
  private final Map<DeployedFunction, Future<Void>> retiring = new ConcurrentHashMap<>();

  DeploymentHosting(
      Vertx vertx, GatewayConfig config, FunctionRegistry registry, WorkerExecutor worker) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    this.worker = worker;
  }

  /** Extracts, checks and hosts {@code d}; adds it to the registry unless it replaces one. */
  HostedFunction host(Deployment d, Path zip, boolean add) {
    Path codeDir;
    try {
      codeDir = CodeZip.withDefaultBounds().extract(zip);
    } catch (IOException refused) {
      throw ServiceError.invalidParameter(
          "Could not unzip uploaded file. Please check your file, then try to upload again. ("
              + refused.getMessage()
              + ")");
    }
    return hostIn(d, codeDir, add);
  }

  /** Puts {@code next} in place of {@code current}: new code from {@code zip}, or the same. */
  void replace(Deployment current, Deployment next, Path zip) {
    HostedFunction old = registry.find(current.name()).orElseThrow();
    Path oldDir = ((DeployedFunction) old.function()).runtime().spec().codeDir();
    HostedFunction hosted = zip == null ? hostIn(next, oldDir, false) : host(next, zip, false);
    registry.replace(hosted);
    retire(old, zip != null);
  }

  /** Stops a function that is out of the registry; deletes its code when no one uses it. */
  void retire(HostedFunction old, boolean deleteCode) {
    DeployedFunction function = (DeployedFunction) old.function();
    Path codeDir = function.runtime().spec().codeDir();
    Future<Void> retired =
        function
            .retire(vertx, old.timeout().plus(RETIRE_MARGIN))
            .transform(stopped -> deleteCode ? deleteExtracted(codeDir) : Future.succeededFuture());
    retiring.put(function, retired);
    retired.onComplete(done -> retiring.remove(function));
  }

  /** Deletes a retired function's extracted code on the deployments' worker. */
  private Future<Void> deleteExtracted(Path codeDir) {
    return worker.executeBlocking(
        () -> {
          CodeDirectories.deleteExtracted(codeDir);
          return null;
        },
        false);
  }

  /**
   * Stops the environments of the functions {@code names} and deletes their extracted code (the
   * stored zips stay), and ends the retirements under way without waiting any longer for their
   * calls in flight; on gateway shutdown.
   */
  Future<Void> stopAll(Collection<String> names) {
    List<Future<Void>> stopped = new ArrayList<>();
    retiring.forEach(
        (function, retired) -> {
          function.stopWaiting();
          stopped.add(retired);
        });
    List<Path> codeDirs = new ArrayList<>();
    for (String name : names) {
      registry
          .find(name)
          .map(HostedFunction::function)
          .filter(DeployedFunction.class::isInstance)
          .map(DeployedFunction.class::cast)
          .ifPresent(
              f -> {
                stopped.add(f.runtime().close());
                codeDirs.add(f.runtime().spec().codeDir());
              });
    }
    return Future.join(stopped)
        .transform(
            done ->
                worker.executeBlocking(
                    () -> {
                      codeDirs.forEach(CodeDirectories::deleteExtracted);
                      return null;
                    },
                    true))
        .mapEmpty();
  }

  /** What GetFunction reports of {@code d}: its code's facts as sent, not as extracted. */
  static FunctionFacts facts(Deployment d) {
    return new FunctionFacts(
        d.description(),
        d.environment(),
        d.codeSha256(),
        d.codeSize(),
        d.lastModified(),
        d.revisionId(),
        Optional.empty(),
        d.tags(),
        d.role().isEmpty() ? Optional.empty() : Optional.of(d.role()));
  }

  /**
   * Checks and hosts {@code d} from extracted code; a definition refused is a 400 ({@link
   * io.lambdagateway.gateway.runtime.define.InvalidDefinition} or a runtime not available).
   */
  private HostedFunction hostIn(Deployment d, Path codeDir, boolean add) {
    HostedFunction hosted;
    try {
      FunctionSpec spec = d.definition().toSpec(codeDir);
      HostedFunction plain =
          HostedFunctions.of(spec, vertx, config.region(), config.runtimeSettings(), launchers);
      hosted =
          new HostedFunction(
              d.name(),
              new DeployedFunction((RuntimeFunction) plain.function(), d.runtime()),
              plain.timeout(),
              plain.memorySizeMb(),
              plain.reservedConcurrency(),
              facts(d));
    } catch (IllegalArgumentException invalid) {
      CodeDirectories.deleteExtracted(codeDir);
      throw ServiceError.invalidParameter(invalid.getMessage());
    }
    if (add && !registry.add(hosted)) {
      retire(hosted, true);
      throw ServiceError.resourceConflict("Function already exist: " + d.name());
    }
    return hosted;
  }
}
