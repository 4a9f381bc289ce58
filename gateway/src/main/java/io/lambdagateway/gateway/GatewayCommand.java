package io.lambdagateway.gateway;

import io.lambdagateway.settings.Settings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gateway}: runs the gateway until SIGTERM/SIGINT, then drains it (in-flight calls finish
 * within the shutdown grace period). Also what the launcher does with no subcommand.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    modelTransformer = SettingOptions.class,
    description =
        "Serve the AWS Lambda Invoke API and function URLs, with the enricher as the "
            + "default function.")
public final class GatewayCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return run(spec);
  }

  /**
   * Starts a gateway configured by {@code spec}'s {@link SettingOptions} (flags over environment
   * over defaults); blocks.
   *
   * @throws ParameterException (exit code 2, one line) naming the flag of an invalid value
   */
  public static int run(CommandSpec spec) throws InterruptedException {
    GatewayConfig config = config(spec);
    Gateway gateway;
    try {
      gateway = Gateway.start(config).await();
    } catch (Exception failed) {
      // e.g. the port is taken (await rethrows the checked BindException): one line, no trace
      spec.commandLine()
          .getErr()
          .println(
              "lambda-gateway could not start on "
                  + config.host()
                  + ":"
                  + config.port()
                  + ": "
                  + failed);
      return 1;
    }
    printBanner(spec.commandLine().getOut(), gateway);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close().onComplete(done -> stopped.countDown());
                  awaitQuietly(stopped, config.shutdownGrace().toMillis() + 5_000);
                },
                "gateway-shutdown"));
    stopped.await();
    return 0;
  }

  /** The configuration {@code spec}'s parsed {@link SettingOptions} describe. */
  static GatewayConfig config(CommandSpec spec) {
    try {
      return GatewayConfig.fromSettings(SettingOptions.values(spec));
    } catch (GatewayConfig.InvalidSetting invalid) {
      if (invalid.setting().repeatable()) {
        // the one bad value of several, not the last one given
        throw new ParameterException(
            spec.commandLine(),
            invalid.accepted(),
            spec.findOption(invalid.setting().flag()),
            invalid.value());
      }
      throw Settings.invalid(spec, invalid.setting().flag(), invalid.value(), invalid.accepted());
    }
  }

  private static void printBanner(PrintWriter out, Gateway gateway) {
    GatewayConfig config = gateway.config();
    String base =
        "http://"
            + (config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host())
            + ":"
            + gateway.port();
    String batch = "'{\"Records\":[]}'";
    out.println(
        "lambda-gateway listening on "
            + config.host()
            + ":"
            + gateway.port()
            + " (default function: "
            + config.functionName()
            + ")");
    // With SigV4 on, curl signs with the caller's own key; the banner never shows a secret.
    String signing =
        config.awsCredentials().isEmpty()
            ? ""
            : "--aws-sigv4 'aws:amz:"
                + config.region()
                + ":lambda' --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" ";
    out.println(
        "  Invoke API:   curl -s "
            + signing
            + base
            + "/2015-03-31/functions/"
            + config.functionName()
            + "/invocations -d "
            + batch);
    out.println(
        "  function URL: curl -s '"
            + base
            + "/"
            + config.functionName()
            + "?integration=raw' -H 'Content-Type: application/json' -d "
            + batch);
    out.flush();
  }

  private static void awaitQuietly(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
