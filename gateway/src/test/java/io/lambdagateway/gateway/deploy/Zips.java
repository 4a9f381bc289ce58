package io.lambdagateway.gateway.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
