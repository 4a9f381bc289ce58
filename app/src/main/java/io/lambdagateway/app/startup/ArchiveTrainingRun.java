package io.lambdagateway.app.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the class-data archive (AppCDS) of the documented gateway launch, so that the next starts
 * map the classes it loads instead of reading and verifying them from the jar: runs {@code java
 * FLAGS -XX:ArchiveClassesAtExit=ARCHIVE -jar JAR gateway} on an ephemeral loopback port, calls the
 * enricher once through its function URL and {@code /health} once, then stops it with SIGTERM; the
 * JVM writes the classes it loaded as it exits.
 *
 * <p>{@code java -cp JAR io.lambdagateway.app.startup.ArchiveTrainingRun JAR ARCHIVE [FLAG...]}.
 * Exit 0 with the archive written. Any failure (the gateway exits, no banner or no answer within
 * {@link #DEADLINE_SECONDS}, a call fails) is one line on stderr and exit 1, with no archive: a
 * previous one is removed first (it would no longer match the jar), and the JVM writes to a
 * temporary file that is renamed only once the run succeeded (a partly written archive makes the
 * JVM crash).
 */
public final class ArchiveTrainingRun {

  static final int DEADLINE_SECONDS = 60;
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final String BATCH = "training-batch.json";

  private final Path jar;
  private final Path archive;
  private final List<String> jvmFlags;

  ArchiveTrainingRun(Path jar, Path archive, List<String> jvmFlags) {
    this.jar = jar;
    this.archive = archive;
    this.jvmFlags = jvmFlags;
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: ArchiveTrainingRun JAR ARCHIVE [JVM flag...]");
      System.exit(2);
    }
    ArchiveTrainingRun run =
        new ArchiveTrainingRun(
            Path.of(args[0]).toAbsolutePath(),
            Path.of(args[1]).toAbsolutePath(),
            Arrays.asList(args).subList(2, args.length));
    try {
      run.write();
      System.exit(0);
    } catch (Exception failed) {
      System.err.println("no class-data archive written (the jar starts without it): " + failed);
      System.exit(1);
    }
  }

  /** Runs the gateway once and leaves the archive at {@code archive}; throws on any failure. */
  void write() throws Exception {
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    Files.deleteIfExists(archive);
    Files.deleteIfExists(partial);
    Path stdout = Files.createTempFile("archive-training", ".out");
    Path stderr = Files.createTempFile("archive-training", ".err");
    Process gateway = start(partial, stdout, stderr);
    try {
      int port = awaitPort(gateway, stdout, stderr);
      call(port, "/enricher?integration=raw", batch());
      call(port, "/health", null);
      gateway.destroy();
      if (!gateway.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        throw new TimeoutException("the gateway did not exit within " + DEADLINE_SECONDS + " s");
      }
      if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
        throw new IOException("the JVM wrote no archive (exit code " + gateway.exitValue() + ")");
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      gateway.destroyForcibly();
      Files.deleteIfExists(partial);
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private Process start(Path partial, Path stdout, Path stderr) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-XX:ArchiveClassesAtExit=" + partial);
    // the JVM's notes on classes it cannot archive (old bytecode, failed verification) are noise
    command.add("-Xlog:cds=off,cds+dynamic=off");
    command.addAll(
        List.of("-jar", jar.toString(), "gateway", "--host", "127.0.0.1", "--port", "0"));
    ProcessBuilder builder = new ProcessBuilder(command);
    // a fixed address: no discovery call to the internet from a build
    builder.environment().put("ENRICHER_PUBLIC_IP", "203.0.113.7");
    builder.environment().put("GATEWAY_LOG_INVOCATIONS", "WARN");
    return builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
  }

  /** The port from the banner, or the gateway's own words when it exits first. */
  private static int awaitPort(Process gateway, Path stdout, Path stderr) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (true) {
      Matcher listening = LISTENING.matcher(Files.readString(stdout));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      if (!gateway.isAlive()) {
        throw new IOException("the gateway exited: " + String.join(" / ", lines(stderr)));
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no banner within " + DEADLINE_SECONDS + " s");
      }
      Thread.sleep(50);
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private static byte[] batch() throws IOException {
    try (InputStream in = ArchiveTrainingRun.class.getResourceAsStream(BATCH)) {
      return in.readAllBytes();
    }
  }

  /** A GET, or a POST of {@code body}; throws unless the answer is 200. */
  private static void call(int port, String path, byte[] body) throws IOException {
    HttpURLConnection http =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    http.setConnectTimeout(DEADLINE_SECONDS * 1000);
    http.setReadTimeout(DEADLINE_SECONDS * 1000);
    if (body != null) {
      http.setRequestMethod("POST");
      http.setRequestProperty("Content-Type", "application/json");
      http.setDoOutput(true);
      try (OutputStream out = http.getOutputStream()) {
        out.write(body);
      }
    }
    int status = http.getResponseCode();
    try (InputStream answer = status < 400 ? http.getInputStream() : http.getErrorStream()) {
      if (answer != null) {
        answer.readAllBytes();
      }
    }
    if (status != 200) {
      throw new IOException(path + " answered " + status);
    }
  }
}
