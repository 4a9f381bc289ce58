package io.lambdagateway.pipeline;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The {@code pipeline} command's delivery options ({@code @Mixin} it): the instance name (static
 * group membership), the group session timeout and exactly-once mode. Its own class so that the
 * command reads as a list of option groups; {@link PipelineConfig} validates the combination.
 *
 * <p>The instance name has no default on purpose: a name derived from the host would make two
 * instances on one host fence each other, and a container's host name changes on every restart.
 */
final class DeliveryOptions {

  @Option(
      names = "--instance-name",
      paramLabel = "NAME",
      defaultValue = "${env:PIPELINE_INSTANCE_NAME}",
      description =
          "Stable name of this instance, unique in its group: static membership (a restart takes"
              + " its partitions back at once) and the transactional id. Unset: dynamic.")
  String instanceName;

  @Option(
      names = "--session-timeout",
      defaultValue = "${env:PIPELINE_SESSION_TIMEOUT:-10s}",
      description =
          "How long the group waits for a silent instance before reassigning its partitions"
              + " (the broker accepts 6s..30m by default).")
  Duration sessionTimeout;

  @Option(
      names = "--exactly-once",
      defaultValue = "${env:PIPELINE_EXACTLY_ONCE:-false}",
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Write rows, dead letters and source offsets in one Kafka transaction per batch;"
              + " needs --instance-name.")
  boolean exactlyOnce;

  /** Copies these options into {@code builder}. */
  void applyTo(PipelineConfigBuilder builder) {
    builder.instanceName(instanceName).sessionTimeout(sessionTimeout).exactlyOnce(exactlyOnce);
  }
}
