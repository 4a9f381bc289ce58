package io.lambdagateway.gateway.runtime.define;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary directories zips are extracted into: created readable by the gateway's user only
 * and deleted, with everything in them, when the gateway hosting them closes ({@link
 * #deleteExtracted}); a shutdown hook deletes those of a configuration never started or closed.
 */
public final class CodeDirectories {

  private static final List<Path> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(CodeDirectories::deleteAll, "code-directories-cleanup"));
  }

  private CodeDirectories() {}

  /** A new, empty directory owned by the gateway, deleted on shutdown. */
  static Path create() throws IOException {
    Path dir = Files.createTempDirectory("lambda-gateway-code-");
    synchronized (CREATED) {
      CREATED.add(dir);
    }
    return dir;
  }

  /** Deletes {@code dir} and everything in it now (a failed extraction leaves nothing behind). */
  static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.nio.file.NoSuchFileException gone) {
      // already deleted
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /**
   * Deletes {@code codeDir} with everything in it when it is a directory a zip was extracted into
   * (a function defined with {@code code=ZIP}); any other directory is the user's and left alone.
   * Blocking file I/O: call on a worker or a plain thread.
   *
   * @throws UncheckedIOException when it cannot be deleted
   */
  public static void deleteExtracted(Path codeDir) {
    synchronized (CREATED) {
      if (!CREATED.remove(codeDir)) {
        return;
      }
    }
    delete(codeDir);
  }

  private static void deleteAll() {
    List<Path> dirs;
    synchronized (CREATED) {
      dirs = List.copyOf(CREATED);
    }
    for (Path dir : dirs) {
      try {
        delete(dir);
      } catch (UncheckedIOException leftBehind) {
        // at shutdown there is no one left to tell; the OS cleans its temp directory
      }
    }
  }
}
