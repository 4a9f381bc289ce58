package io.lambdagateway.gateway.deploy;

import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed functions in the state directory, under {@value #DIRECTORY}/: per function its zip
 * ({@code NAME.SHA.zip}, named by its content) and {@code NAME.json} ({@link Deployment#toJson}),
 * which points at the zip. Every file is written to a temporary name, fsync'd and renamed into
 * place (then the directory is fsync'd), and a function's JSON is written only after its zip: after
 * a crash at any point a function is there with its old code or its new one, never half. Blocking:
 * call on a worker (or at start-up). The state directory's lock ({@code events.lock}, taken by the
 * event journal first) keeps a second gateway out.
 */
public final class DeploymentStore {

  static final String DIRECTORY = "functions";
  private static final String JSON = ".json";
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentStore.class);

  private final Path dir;

  private DeploymentStore(Path dir) {
    this.dir = dir;
  }

  /**
   * The store in {@code stateDir} (created if missing).
   *
   * @throws IllegalArgumentException with one line when it cannot be created
   */
  public static DeploymentStore open(Path stateDir) {
    Path dir = stateDir.resolve(DIRECTORY);
    try {
      Files.createDirectories(dir);
    } catch (IOException failed) {
      throw new IllegalArgumentException("state directory " + dir + ": " + failed.getMessage());
    }
    return new DeploymentStore(dir);
  }

  /** A stored function and where its zip is. */
  public record Stored(Deployment deployment, Path zip) {}

  /**
   * Every function stored, by name; one whose JSON cannot be read or whose zip is missing is
   * skipped with a warning line (it is left on disk for the user to look at).
   */
  public List<Stored> loadAll() {
    List<Stored> all = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + JSON)) {
      for (Path file : files) {
        load(file).ifPresent(all::add);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    all.sort((a, b) -> a.deployment().name().compareTo(b.deployment().name()));
    return all;
  }

  private Optional<Stored> load(Path file) {
    try {
      Deployment deployment = Deployment.fromJson(Json.MAPPER.readTree(file.toFile()));
      Path zip = dir.resolve(deployment.codeFile());
      if (!Files.isRegularFile(zip)) {
        LOG.warn("deployed function in {} skipped: its code {} is missing", file, zip);
        return Optional.empty();
      }
      return Optional.of(new Stored(deployment, zip));
    } catch (IOException | RuntimeException unreadable) {
      LOG.warn("deployed function in {} skipped: {}", file, unreadable.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Copies {@code zip} into the store under a name made of the function's name and {@code sha256}
   * (hex), durably; returns that name.
   */
  public String putCode(String name, Path zip, byte[] sha256) throws IOException {
    String fileName = name + "." + HexFormat.of().formatHex(sha256, 0, 8) + ".zip";
    Path temp = dir.resolve(fileName + ".tmp");
    Files.copy(zip, temp, StandardCopyOption.REPLACE_EXISTING);
    moveDurably(temp, dir.resolve(fileName));
    return fileName;
  }

  /** Writes the function's JSON durably, replacing what was there. */
  public void put(Deployment deployment) throws IOException {
    Path temp = dir.resolve(deployment.name() + JSON + ".tmp");
    Files.write(temp, Json.bytes(deployment.toJson()));
    moveDurably(temp, dir.resolve(deployment.name() + JSON));
  }

  /** Deletes a zip no function uses any more (a replaced or deleted function's). */
  public void deleteCode(String codeFile) throws IOException {
    Files.deleteIfExists(dir.resolve(codeFile));
  }

  /** Deletes the function's JSON (first: without it the function is gone) and then its zip. */
  public void delete(Deployment deployment) throws IOException {
    Files.deleteIfExists(dir.resolve(deployment.name() + JSON));
    syncDirectory();
    deleteCode(deployment.codeFile());
  }

  private void moveDurably(Path temp, Path target) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notAtomic) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory();
  }

  /** Makes the directory's entries (a rename, a deletion) durable, where the platform can. */
  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      // some platforms cannot open a directory; the rename itself is still atomic there
    }
  }
}
