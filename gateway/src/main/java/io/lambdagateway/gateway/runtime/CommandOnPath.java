package io.lambdagateway.gateway.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds an interpreter the way a shell would: the first executable of that name on {@code PATH}.
 */
final class CommandOnPath {

  private CommandOnPath() {}

  /** The absolute path of {@code name} on {@code path} (a {@code PATH} value), if any. */
  static Optional<Path> find(String name, String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
        .map(Path::toAbsolutePath)
        .findFirst();
  }

  /** The absolute path of {@code name} on this JVM's {@code PATH}, if any. */
  static Optional<Path> find(String name) {
    return find(name, System.getenv("PATH"));
  }
}
