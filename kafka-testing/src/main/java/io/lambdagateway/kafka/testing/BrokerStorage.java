package io.lambdagateway.kafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's directory: its {@code server.properties} and {@code logs/}. It exists because the
 * directory has two lives: a temporary one is deleted on close, while a kept one (the launcher's
 * {@code broker --data-dir}) outlives the broker and is formatted on its first start only, so a
 * restart serves what was written before.
 */
record BrokerStorage(Path dir, boolean temporary) {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerStorage.class);

  /** A fresh temporary directory, deleted by {@link #deleteIfTemporary()}. */
  static BrokerStorage inTempDir() {
    try {
      return new BrokerStorage(Files.createTempDirectory("embedded-kafka-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's temp dir", e);
    }
  }

  /** {@code dir}, created if missing, kept after the broker stops. */
  static BrokerStorage kept(Path dir) {
    try {
      return new BrokerStorage(Files.createDirectories(dir), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's data dir " + dir, e);
    }
  }

  Path logs() {
    return dir.resolve("logs");
  }

  /**
   * Writes {@code props} to {@code server.properties}, rewritten on every start because the
   * controller port is picked afresh each time, and formats the log directory unless an earlier
   * start did.
   *
   * @param formatArgs extra arguments of {@code kafka-storage format}, e.g. users to create
   */
  void prepare(Properties props, List<String> formatArgs) {
    Path propsFile = dir.resolve("server.properties");
    writeProperties(props, propsFile);
    if (!formatted()) {
      format(propsFile, formatArgs);
    }
  }

  private boolean formatted() {
    return Files.exists(logs().resolve("meta.properties"));
  }

  /** Deletes the directory if it is a temporary one; failures are only logged. */
  void deleteIfTemporary() {
    if (temporary && Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(BrokerStorage::deleteQuietly);
      } catch (IOException e) {
        LOG.warn("cannot delete the broker's temp dir {}", dir, e);
      }
    }
  }

  private static void writeProperties(Properties props, Path file) {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(out, "embedded single-node KRaft broker");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Runs {@code kafka-storage format} in process with a new cluster id. */
  private static void format(Path propsFile, List<String> extraArgs) {
    List<String> args =
        new ArrayList<>(
            List.of("format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()));
    args.addAll(extraArgs);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(args.toArray(String[]::new), out);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          "kafka storage format failed ("
              + exitCode
              + "): "
              + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot delete {}", path, e);
    }
  }
}
