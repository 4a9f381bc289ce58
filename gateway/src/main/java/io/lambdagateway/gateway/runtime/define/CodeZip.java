package io.lambdagateway.gateway.runtime.define;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts a function's zip into a fresh directory of the gateway's, refusing what could reach
 * outside it or exhaust the disk: entry names that are absolute or contain {@code ..}, symbolic
 * links and other special files, duplicate names, more than {@code maxEntries} entries and more
 * than {@code maxBytes} of extracted content (counted while writing, so a lying header does not
 * help). The defaults are AWS's own bound on an unzipped deployment package, 250 MB, and 10,000
 * entries. Unix permissions in the zip keep an executable {@code bootstrap} executable.
 */
public final class CodeZip {

  /** AWS's limit on a function's unzipped code: 250 MB. */
  public static final long DEFAULT_MAX_BYTES = 250L * 1024 * 1024;

  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private static final int ZIP_MAGIC = 0x04034b50;

  private final long maxBytes;
  private final int maxEntries;

  public CodeZip(long maxBytes, int maxEntries) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  /** With AWS's bounds. */
  public static CodeZip withDefaultBounds() {
    return new CodeZip(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
  }

  /** Whether {@code file} starts like a zip archive (a jar is one too). */
  static boolean looksLikeZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4
          && ((head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | head[3] << 24)
              == ZIP_MAGIC;
    } catch (IOException unreadable) {
      return false;
    }
  }

  /**
   * Extracts {@code zip} into a new directory, deleted when the gateway hosting it closes.
   *
   * @return that directory
   * @throws IOException with a one-line reason when the zip is refused or unreadable; nothing is
   *     left on disk then
   */
  public Path extract(Path zip) throws IOException {
    List<ZipDirectory.Entry> entries = ZipDirectory.read(zip, maxEntries);
    checkNames(entries);
    Path target = CodeDirectories.create();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      long written = 0;
      for (ZipDirectory.Entry entry : entries) {
        written += extract(file, entry, target, maxBytes - written);
      }
      return target;
    } catch (IOException | RuntimeException failed) {
      CodeDirectories.delete(target);
      throw failed;
    }
  }

  private static void checkNames(List<ZipDirectory.Entry> entries) throws IOException {
    Set<String> seen = new HashSet<>();
    for (ZipDirectory.Entry entry : entries) {
      String name = entry.name();
      if (entry.isSymlink()) {
        throw new IOException("entry '" + name + "' is a symbolic link");
      }
      if (entry.isSpecial()) {
        throw new IOException("entry '" + name + "' is not a file or directory");
      }
      if (name.isEmpty()
          || name.startsWith("/")
          || name.startsWith("\\")
          || name.matches("^[A-Za-z]:.*")
          || name.indexOf('\0') >= 0) {
        throw new IOException("entry '" + name + "' has an absolute or empty name");
      }
      if (List.of(name.split("[/\\\\]")).contains("..")) {
        throw new IOException("entry '" + name + "' leads outside the code directory (..)");
      }
      if (!seen.add(name)) {
        throw new IOException("entry '" + name + "' appears twice");
      }
    }
  }

  /** Writes one entry; returns the bytes written. */
  private long extract(ZipFile file, ZipDirectory.Entry entry, Path target, long budget)
      throws IOException {
    Path path = target.resolve(entry.name()).normalize();
    if (!path.startsWith(target)) {
      throw new IOException("entry '" + entry.name() + "' leads outside the code directory");
    }
    if (entry.isDirectory()) {
      Files.createDirectories(path);
      return 0;
    }
    ZipEntry data = file.getEntry(entry.name());
    if (data == null) {
      throw new IOException("entry '" + entry.name() + "' cannot be read");
    }
    Files.createDirectories(path.getParent());
    long written;
    try (InputStream in = file.getInputStream(data);
        OutputStream out = Files.newOutputStream(path)) {
      written = copyAtMost(in, out, budget);
    }
    keepExecutable(path, entry.unixMode());
    return written;
  }

  private long copyAtMost(InputStream in, OutputStream out, long budget) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > budget) {
        throw new IOException("extracted content is larger than " + maxBytes + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return total;
  }

  private static void keepExecutable(Path path, int unixMode) throws IOException {
    if ((unixMode & 0111) != 0
        && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
      permissions.add(PosixFilePermission.OWNER_EXECUTE);
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
