package io.lambdagateway.app;

import io.lambdagateway.kafka.testing.BrokerClasses;
import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.lambdagateway.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code broker}: runs the embedded single-node KRaft broker as a process of its own, so that
 * Kafka, the pipeline and the gateway can run as separate processes without Docker. Prints {@code
 * bootstrap.servers=HOST:PORT} on stdout once it serves, then runs until SIGTERM / Ctrl-C and stops
 * cleanly. With {@code --data-dir} its topics, records and committed offsets survive a restart.
 * Exit code 1 when it cannot start, 2 for bad options or a jar without the broker.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a single-node Kafka broker (KRaft, PLAINTEXT) until stopped.",
      "Prints bootstrap.servers=HOST:PORT on stdout once it serves."
    })
public final class BrokerCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "${env:BROKER_PORT:-9092}",
      description = "Client port; 0 = any free one.")
  private int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "${env:BROKER_HOST:-127.0.0.1}",
      description = "Interface to bind, 0.0.0.0 for all.")
  private String host;

  @Option(
      names = "--advertised-host",
      paramLabel = "HOST",
      defaultValue = "${env:BROKER_ADVERTISED_HOST}",
      description =
          "Host name clients are told to connect to; none = --host, or 127.0.0.1 when"
              + " that is 0.0.0.0.")
  private String advertisedHost;

  @Option(
      names = {"-d", "--data-dir"},
      paramLabel = "DIR",
      defaultValue = "${env:BROKER_DATA_DIR}",
      description =
          "Keep the broker's data here across restarts; none = a temporary directory,"
              + " deleted on exit.")
  private Path dataDir;

  @Option(
      names = "--topic",
      paramLabel = "NAME[:PARTITIONS]",
      split = ",",
      defaultValue = "${env:BROKER_TOPICS}",
      description =
          "Topics to create at start unless they exist, comma-separated or repeated;"
              + " 1 partition unless given.")
  private List<String> topics = new ArrayList<>();

  @Option(
      names = "--ready-file",
      paramLabel = "FILE",
      defaultValue = "${env:BROKER_READY_FILE}",
      description =
          "Create this file once the broker serves and its --topic topics exist, delete"
              + " it on stop: a readiness check for supervisors.")
  private Path readyFile;

  @Override
  public Integer call() throws InterruptedException {
    if (!BrokerClasses.present()) {
      spec.commandLine().getErr().println("broker: " + BrokerClasses.MISSING);
      return 2;
    }
    Settings.inRange(spec, "--port", port, 0, 65_535);
    List<TopicSpec> wanted = topicSpecs();
    EmbeddedKafkaBroker broker;
    try {
      markNotReady();
      broker =
          EmbeddedKafkaBroker.startStandalone(
              host, advertised(), port, Optional.ofNullable(dataDir));
    } catch (RuntimeException | IOException failed) {
      spec.commandLine().getErr().println("broker could not start: " + failed.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  deleteReadyFile();
                  broker.close();
                  stopped.countDown();
                },
                "broker-stop"));
    try {
      wanted.forEach(topic -> broker.createTopicIfMissing(topic.name(), topic.partitions()));
      markReady(broker.bootstrapServers());
    } catch (RuntimeException | IOException failed) {
      spec.commandLine().getErr().println("broker could not start: " + failed.getMessage());
      return 1;
    }
    spec.commandLine().getOut().println("bootstrap.servers=" + broker.bootstrapServers());
    spec.commandLine().getOut().flush();
    // Runs until the shutdown hook, started by SIGTERM or Ctrl-C, has closed the broker.
    stopped.await();
    return 0;
  }

  /** A file left by an earlier run in the same place would claim readiness too early. */
  private void markNotReady() throws IOException {
    if (readyFile != null) {
      Files.deleteIfExists(readyFile);
    }
  }

  private void markReady(String bootstrapServers) throws IOException {
    if (readyFile != null) {
      Files.writeString(readyFile, "bootstrap.servers=" + bootstrapServers + "\n");
    }
  }

  private void deleteReadyFile() {
    try {
      markNotReady();
    } catch (IOException ignored) {
      // the broker stops anyway; a stale file only matters to the next start, which deletes it
    }
  }

  private String advertised() {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost;
    }
    return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
  }

  private List<TopicSpec> topicSpecs() {
    List<TopicSpec> specs = new ArrayList<>();
    for (String topic : topics) {
      if (!topic.isBlank()) {
        specs.add(TopicSpec.parse(topic.strip(), spec));
      }
    }
    return specs;
  }

  /** One {@code --topic} value: {@code NAME} or {@code NAME:PARTITIONS}. */
  private record TopicSpec(String name, int partitions) {
    static TopicSpec parse(String value, CommandSpec spec) {
      int colon = value.lastIndexOf(':');
      if (colon < 0) {
        return new TopicSpec(value, 1);
      }
      try {
        int partitions = Integer.parseInt(value.substring(colon + 1));
        if (partitions >= 1 && colon > 0) {
          return new TopicSpec(value.substring(0, colon), partitions);
        }
      } catch (NumberFormatException notANumber) {
        // reported below, with the whole value
      }
      throw Settings.invalid(spec, "--topic", value, "NAME or NAME:PARTITIONS (partitions >= 1)");
    }
  }
}
