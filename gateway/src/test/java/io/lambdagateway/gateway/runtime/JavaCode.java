package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.runtime.javafixture.Greeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Java function's code as a user deploys it, made from the handlers in {@code javafixture}
 * (compiled by Maven into the test classes): AWS's two layouts of a deployment package.
 */
final class JavaCode {

  private static final String PACKAGE_DIR = Greeter.class.getPackageName().replace('.', '/');

  private JavaCode() {}

  /** The handlers' class files at the root of {@code codeDir}, as an extracted jar has them. */
  static Path classesAtRoot(Path codeDir) {
    try {
      for (Path file : fixtureClasses()) {
        Path target = codeDir.resolve(PACKAGE_DIR).resolve(file.getFileName().toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
      return codeDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The handlers in a jar {@code lib/handlers.jar} of {@code codeDir}, nothing at its root. */
  static Path jarInLib(Path codeDir) {
    try {
      Path jar = codeDir.resolve("lib/handlers.jar");
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        for (Path file : fixtureClasses()) {
          out.putNextEntry(new JarEntry(PACKAGE_DIR + "/" + file.getFileName()));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      return codeDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> fixtureClasses() throws IOException {
    try (Stream<Path> files = Files.list(testClasses().resolve(PACKAGE_DIR))) {
      return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
  }

  private static Path testClasses() {
    try {
      return Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
