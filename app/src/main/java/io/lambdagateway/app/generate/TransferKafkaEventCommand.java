package io.lambdagateway.app.generate;

import io.lambdagateway.pipeline.ItemLayout;
import io.lambdagateway.pipeline.SourceRecord;
import io.lambdagateway.pipeline.TransferRequests;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.ProduceCommand;
import io.lambdagateway.producer.RowsRange;
import io.lambdagateway.settings.Settings;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate-event transfer-kafka}: Kafka messages wrapped into the batch Transfer sends a
 * function for a Kafka source read "as is", written by the pipeline's own {@link TransferRequests}
 * (one {@code insert} change item per message, contract §2 and §8). The messages are the non-blank
 * lines of {@code --input}, else {@code --demo} messages of the demo producer's seeded generator;
 * offsets count up from {@code --first-offset}.
 */
@Command(
    name = "transfer-kafka",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Print a Transfer batch of Kafka messages, as the engine sends it to a function.")
public final class TransferKafkaEventCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE|-",
      defaultValue = "${env:EVENT_INPUT}",
      description = "One message per non-blank line of this file (- = standard input).")
  private String input;

  @Option(
      names = "--demo",
      paramLabel = "N",
      defaultValue = "${env:EVENT_DEMO:-1}",
      description = "Without --input: this many demo producer messages.")
  private int demo;

  @Option(
      names = "--rows",
      paramLabel = "MIN..MAX",
      defaultValue = "${env:EVENT_ROWS:-1..100}",
      converter = ProduceCommand.RowsConverter.class,
      description = "Rows per demo message.")
  private RowsRange rows;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "${env:EVENT_SEED:-42}",
      description = "Seed of the demo messages.")
  private long seed;

  @Option(
      names = "--layout",
      paramLabel = "5|6|7",
      defaultValue = "${env:EVENT_LAYOUT:-6}",
      description = "Columns of each item: 6 (key and data base64), 5 or 7 (data as text).")
  private int layout;

  @Option(
      names = {"-t", "--topic"},
      defaultValue = "${env:EVENT_TOPIC:-source-topic}",
      description = "Source topic (the items' table).")
  private String topic;

  @Option(
      names = {"-p", "--partition"},
      defaultValue = "${env:EVENT_PARTITION:-0}",
      description = "Source partition.")
  private int partition;

  @Option(
      names = "--first-offset",
      paramLabel = "N",
      defaultValue = "${env:EVENT_FIRST_OFFSET:-0}",
      description = "Offset of the first message; the next ones count up.")
  private long firstOffset;

  @Option(
      names = "--timestamp",
      paramLabel = "INSTANT",
      defaultValue = "${env:EVENT_TIMESTAMP:-now}",
      converter = Timestamps.class,
      description = "Message timestamp, e.g. 2024-06-20T12:00:00Z; now = the clock.")
  private Instant timestamp;

  @Override
  public Integer call() {
    ItemLayout columns = itemLayout();
    Settings.inRange(spec, "--partition", partition, 0, Integer.MAX_VALUE);
    Settings.inRange(spec, "--first-offset", firstOffset, 0, Long.MAX_VALUE);
    List<byte[]> messages = input != null ? lines() : demoMessages();
    TransferRequests requests = new TransferRequests(columns);
    List<BatchRecord> records = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      SourceRecord message =
          new SourceRecord(
              topic, partition, firstOffset + i, timestamp.toEpochMilli(), null, messages.get(i));
      records.add(requests.record(message));
    }
    EventOutput.print(spec, BatchJson.writeRequest(records));
    return 0;
  }

  private ItemLayout itemLayout() {
    try {
      return ItemLayout.ofColumns(layout);
    } catch (IllegalArgumentException notALayout) {
      throw Settings.invalid(spec, "--layout", layout, "5, 6 or 7");
    }
  }

  private List<byte[]> lines() {
    if (!spec.findOption("--demo").originalStringValues().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give --input or --demo, not both");
    }
    String text =
        new String(
            InputSource.of(spec, "--input", input, System.in).readAll(), StandardCharsets.UTF_8);
    return text.lines()
        .filter(line -> !line.isBlank())
        .map(line -> line.getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  private List<byte[]> demoMessages() {
    Settings.inRange(spec, "--demo", demo, 0, 100_000);
    DemoMessages generator = new DemoMessages(seed, rows);
    List<byte[]> messages = new ArrayList<>(demo);
    for (int i = 0; i < demo; i++) {
      messages.add(generator.next().getBytes(StandardCharsets.UTF_8));
    }
    return messages;
  }
}
