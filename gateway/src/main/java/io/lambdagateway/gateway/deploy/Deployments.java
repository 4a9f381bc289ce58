package io.lambdagateway.gateway.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functions deployed through the API: every change (create, new code, new configuration,
 * delete, concurrency, tags) runs on one worker thread, one after another, so two changes of one
 * function never interleave; the registry then publishes the result to every event loop. A replaced
 * or deleted function's environments stop once its calls in flight finish (at most its timeout
 * later) and its extracted code is deleted. With a state directory every change is stored before it
 * is answered ({@link DeploymentStore}) and {@link #restore} brings the functions back at start;
 * without one they live in memory only, until the gateway stops.
 */
public final class Deployments {

  /** AWS's limit on a zip sent in the request: 50 MB. */
  public static final long MAX_ZIP_BYTES = 50L * 1024 * 1024;

  /** The largest request body: the base64 of the largest zip, and room for the other members. */
  public static final long MAX_REQUEST_BYTES = (MAX_ZIP_BYTES + 2) / 3 * 4 + 1024 * 1024;

  static final String WORKER_POOL = "lambda-gateway-deployments";
  private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

  private final GatewayConfig config;
  private final FunctionRegistry registry;
  private final Optional<DeploymentStore> store;
  private final WriteAccess access;
  private final WorkerExecutor worker;
  private final DeploymentHosting hosting;
  private final Map<String, Deployment> deployed = new ConcurrentHashMap<>();

  public Deployments(
      Vertx vertx,
      GatewayConfig config,
      FunctionRegistry registry,
      Optional<DeploymentStore> store,
      WriteAccess access) {
    this.config = config;
    this.registry = registry;
    this.store = store;
    this.access = access;
    this.worker = vertx.createSharedWorkerExecutor(WORKER_POOL, 1);
    this.hosting = new DeploymentHosting(vertx, config, registry, worker);
  }

  /**
   * Hosts the stored functions again; one that cannot be hosted any more (its runtime is gone) is
   * skipped with a warning line and stays stored. Blocking: call at start-up.
   */
  public void restore() {
    if (store.isEmpty()) {
      return;
    }
    for (DeploymentStore.Stored stored : store.get().loadAll()) {
      Deployment d = stored.deployment();
      try {
        hosting.host(d, stored.zip(), true);
        deployed.put(d.name(), d);
      } catch (ServiceError | UncheckedIOException cannotHost) {
        LOG.warn("deployed function {} not restored: {}", d.name(), cannotHost.getMessage());
      }
    }
    if (!deployed.isEmpty()) {
      LOG.info("restored deployed functions: {}", List.copyOf(deployed.keySet()));
    }
  }

  /** Why write calls are refused here, or empty when they are allowed. */
  public Optional<String> refusal() {
    return access.refusal();
  }

  /** The deployment of {@code name}, when it was deployed through the API. */
  public Optional<Deployment> find(String name) {
    return Optional.ofNullable(deployed.get(name));
  }

  /** CreateFunction: hosts a new function from {@code zip} (deleted afterwards). */
  public Future<Deployment> create(ObjectNode body, Optional<Path> zip) {
    return change(
        () -> {
          try {
            Deployment asked = new FunctionFields(body).forCreate();
            if (registry.isFixed(asked.name()) || registry.find(asked.name()).isPresent()) {
              throw ServiceError.resourceConflict("Function already exist: " + asked.name());
            }
            Path code = zip.orElseThrow(() -> noZip());
            Code facts = Code.of(code);
            String codeFile = putCode(asked.name(), code, facts);
            Deployment ready = asked.withCode(codeFile, facts.sha256(), facts.size());
            try {
              hosting.host(ready, code, true);
            } catch (ServiceError refused) {
              deleteCode(codeFile);
              throw refused;
            }
            return stored(ready);
          } finally {
            deleteQuietly(zip);
          }
        });
  }

  /** UpdateFunctionCode: the same function with the code of {@code zip} (deleted afterwards). */
  public Future<Deployment> updateCode(String name, ObjectNode body, Optional<Path> zip) {
    return change(
        () -> {
          try {
            FunctionFields fields = new FunctionFields(body);
            Deployment current = existing(name, fields.expectedRevision());
            fields.checkCodeUpdate();
            Path code = zip.orElseThrow(() -> noZip());
            Code facts = Code.of(code);
            String codeFile = putCode(name, code, facts);
            Deployment next = current.withCode(codeFile, facts.sha256(), facts.size());
            try {
              hosting.replace(current, next, code);
            } catch (ServiceError refused) {
              if (!codeFile.equals(current.codeFile())) {
                deleteCode(codeFile);
              }
              throw refused;
            }
            stored(next);
            if (!codeFile.equals(current.codeFile())) {
              deleteCode(current.codeFile());
            }
            return next;
          } finally {
            deleteQuietly(zip);
          }
        });
  }

  /** UpdateFunctionConfiguration: the same code with another configuration. */
  public Future<Deployment> updateConfiguration(String name, ObjectNode body) {
    return change(
        () -> {
          FunctionFields fields = new FunctionFields(body);
          Deployment current = existing(name, fields.expectedRevision());
          Deployment next = current.withConfiguration(fields.forUpdate(current));
          hosting.replace(current, next, null);
          return stored(next);
        });
  }

  /** DeleteFunction: the function is gone at once; its environments stop after their calls. */
  public Future<Void> delete(String name) {
    return change(
        () -> {
          Deployment current = existing(name, null);
          HostedFunction old = registry.remove(name).orElseThrow();
          deployed.remove(name);
          if (store.isPresent()) {
            store.get().delete(current);
          }
          hosting.retire(old, true);
          return null;
        });
  }

  /** PutFunctionConcurrency (a number) or DeleteFunctionConcurrency (empty). */
  public Future<Deployment> reserveConcurrency(String name, OptionalInt reserved) {
    return change(
        () -> {
          Deployment current = existing(name, null);
          Deployment next = current.withReservedConcurrency(reserved);
          registry.replace(registry.find(name).orElseThrow().withReservedConcurrency(reserved));
          return stored(next);
        });
  }

  /** TagResource ({@code add}) and UntagResource ({@code remove}). */
  public Future<Deployment> tag(String name, Map<String, String> add, Set<String> remove) {
    return change(
        () -> {
          Deployment current = existing(name, null);
          Map<String, String> tags = new LinkedHashMap<>(current.tags());
          tags.putAll(add);
          tags.keySet().removeAll(remove);
          Deployment next = current.withTags(tags);
          registry.replace(
              registry.find(name).orElseThrow().withFacts(DeploymentHosting.facts(next)));
          return stored(next);
        });
  }

  /**
   * Stops every deployed function's environments and deletes their extracted code (the stored zips
   * stay); on gateway shutdown.
   */
  public Future<Void> close() {
    return hosting.stopAll(deployed.keySet()).onComplete(done -> worker.close());
  }

  private <T> Future<T> change(Callable<T> work) {
    return worker.executeBlocking(work, true);
  }

  private Deployment existing(String name, String expectedRevision) {
    Deployment current = deployed.get(name);
    if (current == null) {
      if (registry.isFixed(name)) {
        throw ServiceError.invalidParameter(
            "Function "
                + name
                + " is part of the gateway's own configuration (built in, --function or a "
                + "template): it can be read and invoked, not changed or deleted through the API");
      }
      throw ServiceError.functionNotFound(config.functionArn(name));
    }
    if (expectedRevision != null && !expectedRevision.equals(current.revisionId())) {
      throw ServiceError.preconditionFailed(
          "The Revision Id provided does not match the latest Revision Id. Call the GetFunction"
              + "/GetAlias API to retrieve the latest Revision Id");
    }
    return current;
  }

  /** Copies the zip into the store, when there is one; returns its name there. */
  private String putCode(String name, Path zip, Code facts) throws IOException {
    return store.isPresent() ? store.get().putCode(name, zip, facts.digest()) : "";
  }

  private void deleteCode(String codeFile) throws IOException {
    if (store.isPresent() && !codeFile.isEmpty()) {
      store.get().deleteCode(codeFile);
    }
  }

  private Deployment stored(Deployment d) throws IOException {
    deployed.put(d.name(), d);
    if (store.isPresent()) {
      store.get().put(d);
    }
    return d;
  }

  private static ServiceError noZip() {
    return ServiceError.invalidParameter(
        "Code.ZipFile is required: this gateway hosts functions from a .zip file sent with the "
            + "request");
  }

  private static void deleteQuietly(Optional<Path> file) {
    file.ifPresent(
        f -> {
          try {
            Files.deleteIfExists(f);
          } catch (IOException leftInTemp) {
            LOG.debug("upload {} not deleted", f, leftInTemp);
          }
        });
  }

  /** The facts of a zip: its SHA-256 (raw and as AWS reports it) and its size. */
  private record Code(byte[] digest, String sha256, long size) {
    static Code of(Path zip) throws IOException, NoSuchAlgorithmException {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(zip)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      byte[] digest = sha.digest();
      return new Code(digest, Base64.getEncoder().encodeToString(digest), Files.size(zip));
    }
  }
}
