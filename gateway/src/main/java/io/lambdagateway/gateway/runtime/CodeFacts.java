package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.platform.FunctionFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@link FunctionFacts} of a function hosted from a code directory: a digest and the size of
 * its files, its newest file's time, its environment. Blocking (reads every file once): call while
 * the gateway starts or a function is deployed, never on an event loop.
 */
public final class CodeFacts {

  private CodeFacts() {}

  /**
   * The facts of {@code spec}'s code. {@code CodeSha256} digests each regular file's relative path
   * and content in path order, so the same tree gives the same value on every start.
   *
   * @throws UncheckedIOException when the code directory cannot be read
   */
  public static FunctionFacts of(FunctionSpec spec) {
    MessageDigest digest = FunctionFacts.sha256();
    long size = 0;
    Instant newest = Instant.EPOCH;
    for (Path file : files(spec.codeDir())) {
      String relative = spec.codeDir().relativize(file).toString().replace('\\', '/');
      digest.update(relative.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      size += digestContent(file, digest);
      Instant modified = modified(file).toInstant();
      newest = modified.isAfter(newest) ? modified : newest;
    }
    String sha = Base64.getEncoder().encodeToString(digest.digest());
    return new FunctionFacts(
        "",
        spec.env(),
        sha,
        size,
        newest,
        FunctionFacts.revisionOf(spec.name(), sha, newest),
        Optional.of(spec.codeDir().toUri().toString()),
        Map.of());
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the code of " + dir, e);
    }
  }

  /** Feeds the file to {@code digest} in chunks; returns its length. */
  private static long digestContent(Path file, MessageDigest digest) {
    byte[] chunk = new byte[64 * 1024];
    long length = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        digest.update(chunk, 0, n);
        length += n;
      }
      return length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + file, e);
    }
  }
}
