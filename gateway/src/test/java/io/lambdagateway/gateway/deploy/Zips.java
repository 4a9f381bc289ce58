package io.lambdagateway.gateway.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Deployment packages built by the tests: a zip's bytes from file names and contents. */
public final class Zips {

  private Zips() {}

  /** A zip holding {@code files} (name → UTF-8 content), in the map's order. */
  public static byte[] of(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  /**
   * A zip whose only entry {@code name} is a symbolic link to {@code target}, made by the {@code
   * zip} tool as a user's would be.
   */
  public static byte[] symlink(String name, String target) {
    try {
      Path dir = Files.createTempDirectory("zips-link");
      Files.createSymbolicLink(dir.resolve(name), Path.of(target));
      Process zip =
          new ProcessBuilder("zip", "-q", "--symlinks", "link.zip", name)
              .directory(dir.toFile())
              .inheritIO()
              .start();
      if (!zip.waitFor(30, TimeUnit.SECONDS) || zip.exitValue() != 0) {
        zip.destroyForcibly();
        throw new IllegalStateException("zip --symlinks failed");
      }
      byte[] bytes = Files.readAllBytes(dir.resolve("link.zip"));
      Files.delete(dir.resolve("link.zip"));
      Files.delete(dir.resolve(name));
      Files.delete(dir);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A Node.js package whose {@code index.handler} answers {@code {"v": version, "event": ...}}. */
  public static byte[] nodeHandler(String version) {
    return of(
        Map.of(
            "index.js",
            "exports.handler = async (event) => ({ v: '"
                + version
                + "', greeting: process.env.GREETING || null, event });\n"));
  }
}
