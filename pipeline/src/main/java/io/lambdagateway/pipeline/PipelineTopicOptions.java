package io.lambdagateway.pipeline;

import io.lambdagateway.settings.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code pipeline} command's Kafka topics and consumer group ({@code @Mixin} it): what is read,
 * what is written and where a new group starts. Its own class so that the command reads as a list
 * of option groups.
 */
final class PipelineTopicOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--source-topic",
      defaultValue = "${env:SOURCE_TOPIC:-source-topic}",
      description = "Topic read.")
  String sourceTopic;

  @Option(
      names = "--target-topic",
      defaultValue = "${env:TARGET_TOPIC:-target-topic}",
      description = "Topic written with the function's rows.")
  String targetTopic;

  @Option(
      names = "--dlq-topic",
      defaultValue = "${env:PIPELINE_DLQ_TOPIC}",
      description = "Dead-letter topic; none = <source-topic>.dlq.")
  String dlqTopic;

  @Option(
      names = "--group-id",
      defaultValue = "${env:PIPELINE_GROUP_ID:-transfer-pipeline}",
      description = "Consumer group.")
  String groupId;

  @Option(
      names = "--auto-offset-reset",
      defaultValue = "${env:PIPELINE_AUTO_OFFSET_RESET:-earliest}",
      description = "Where a group without offsets starts: earliest or latest.")
  String autoOffsetReset;

  /**
   * Rejects a value the config would reject, as a one-line usage error.
   *
   * @throws picocli.CommandLine.ParameterException when {@code --auto-offset-reset} is unknown
   */
  void check() {
    if (!autoOffsetReset.equals("earliest") && !autoOffsetReset.equals("latest")) {
      throw Settings.invalid(spec, "--auto-offset-reset", autoOffsetReset, "earliest or latest");
    }
  }

  /** Copies these options into {@code builder}. */
  void applyTo(PipelineConfigBuilder builder) {
    builder
        .sourceTopic(sourceTopic)
        .targetTopic(targetTopic)
        .dlqTopic(dlqTopic)
        .groupId(groupId)
        .autoOffsetReset(autoOffsetReset);
  }
}
