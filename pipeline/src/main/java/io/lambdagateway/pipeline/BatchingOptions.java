package io.lambdagateway.pipeline;

import io.lambdagateway.settings.Settings;
import io.lambdagateway.settings.SizeConverter;
import io.lambdagateway.transfer.LambdaLimits;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code pipeline} command's batching and calling options ({@code @Mixin} it): batch size,
 * flush interval, per-call timeout and retries, each checked against Transfer's and Lambda's
 * limits. Its own class so that the command reads as a list of option groups.
 */
final class BatchingOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--buffer-size",
      defaultValue = "${env:PIPELINE_BUFFER_SIZE:-1MB}",
      converter = SizeConverter.class,
      description = "Batch request size, at most 6MB (Lambda's synchronous request limit).")
  long bufferSize;

  @Option(
      names = "--flush-interval",
      defaultValue = "${env:PIPELINE_FLUSH_INTERVAL:-1s}",
      description = "Longest wait of a record before its batch is sent: 0 (per poll) to 900s.")
  Duration flushInterval;

  @Option(
      names = "--invocation-timeout",
      defaultValue = "${env:PIPELINE_INVOCATION_TIMEOUT:-30s}",
      description = "Per-call timeout, above 0.")
  Duration invocationTimeout;

  @Option(
      names = "--retries",
      defaultValue = "${env:PIPELINE_RETRIES:-3}",
      description = "Retries of a failed call before the batch counts as stalled.")
  int retries;

  /**
   * Rejects a value outside its limits, as a one-line usage error.
   *
   * @throws picocli.CommandLine.ParameterException naming the first option out of range
   */
  void check() {
    Settings.inRange(spec, "--buffer-size", bufferSize, 1, LambdaLimits.MAX_SYNC_REQUEST_BYTES);
    if (flushInterval.compareTo(PipelineConfig.MAX_FLUSH_INTERVAL) > 0) {
      throw Settings.invalid(spec, "--flush-interval", flushInterval, "at most 900s");
    }
    if (invocationTimeout.isZero()) {
      throw Settings.invalid(spec, "--invocation-timeout", invocationTimeout, "above 0");
    }
    Settings.inRange(spec, "--retries", retries, 0, Integer.MAX_VALUE);
  }

  /** Copies these options into {@code builder}; call {@link #check()} first. */
  void applyTo(PipelineConfigBuilder builder) {
    builder
        .bufferSizeBytes((int) bufferSize)
        .flushInterval(flushInterval)
        .invocationTimeout(invocationTimeout)
        .retries(retries);
  }
}
