package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one of the gateway's own runtime clients (shipped as class-path resources under
 * {@code io/lambdagateway/gateway/runtime/<name>/}), written once into a directory of their own
 * that becomes the runtime processes' {@code LAMBDA_RUNTIME_DIR}.
 *
 * <p>The directory is created on first use, off the event loop (launchers are called there), and
 * removed when the JVM exits. Thread-safe.
 */
final class RuntimeClientFiles {

  private static final String RESOURCE_ROOT = "/io/lambdagateway/gateway/runtime/";

  private final String name;
  private final List<String> files;
  private Path dir;

  /**
   * @param name the client's resource folder, e.g. {@code nodejs}
   * @param files the file names in it, all written out
   */
  RuntimeClientFiles(String name, List<String> files) {
    this.name = name;
    this.files = List.copyOf(files);
  }

  /** The directory holding the client's files, written on the first call. */
  synchronized Path dir() {
    if (dir == null) {
      dir = extract();
    }
    return dir;
  }

  private Path extract() {
    try {
      Path target = Files.createTempDirectory("lambda-gateway-" + name + "-runtime-");
      // deleteOnExit runs in reverse order of registration: the files first, then their folder.
      target.toFile().deleteOnExit();
      for (String file : files) {
        Path written = target.resolve(file);
        copyResource(RESOURCE_ROOT + name + "/" + file, written);
        written.toFile().deleteOnExit();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + name + " runtime client's files", e);
    }
  }

  private static void copyResource(String resource, Path target) throws IOException {
    try (InputStream in = RuntimeClientFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource " + resource + " is missing from the gateway's jar");
      }
      Files.copy(in, target);
    }
  }
}
