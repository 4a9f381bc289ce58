package io.lambdagateway.gateway;

import io.lambdagateway.settings.Settings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gateway}: runs the gateway until SIGTERM/SIGINT, then drains it (in-flight calls finish
 * within the shutdown grace period) and prints one line saying what it drained. Also what the
 * launcher does with no subcommand. The banner's curl lines work as printed: with a token, the
 * function-URL line sends {@code Authorization: Bearer $GATEWAY_AUTH_TOKEN}, the variable, never
 * the secret.
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
    PrintWriter out = spec.commandLine().getOut();
    printBanner(out, gateway);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> drain(gateway, stopped, out), "gateway-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Closes the gateway and prints one line saying what the stop drained. Printed, not logged: the
   * asynchronous log appender may not get to write before the JVM exits.
   */
  private static void drain(Gateway gateway, CountDownLatch stopped, PrintWriter out) {
    long start = System.nanoTime();
    int calls = gateway.callsInFlight();
    int events = gateway.eventsPending();
    gateway.close().onComplete(done -> stopped.countDown());
    boolean inTime = awaitQuietly(stopped, gateway.config().shutdownGrace().toMillis() + 5_000);
    out.println(stopLine(gateway.config(), inTime, start, calls, events, gateway.eventsPending()));
    out.flush();
  }

  /**
   * {@code lambda-gateway stopped in 0.4 s: drained 2 calls in flight and 1 pending event call,
   * none left}, or which event calls are left and where.
   */
  static String stopLine(
      GatewayConfig config, boolean inTime, long startNanos, int calls, int events, int left) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    String where =
        config.stateDir().isPresent()
            ? " left in the journal (they run after the next start)"
            : " lost (no state directory keeps them)";
    return "lambda-gateway stopped in "
        + String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
        + (inTime ? "" : " (grace period over)")
        + ": drained "
        + plural(calls, "call")
        + " in flight and "
        + plural(events, "pending event call")
        + (left == 0 ? ", none left" : "; " + plural(left, "event call") + where);
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
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
    // The token is named, never shown: the line works where the variable is set, as it is here.
    String bearer =
        config.authToken().isEmpty()
            ? ""
            : " -H \"Authorization: Bearer $" + Setting.AUTH_TOKEN.envName() + "\"";
    out.println(
        "  function URL: curl -s '"
            + base
            + "/"
            + config.functionName()
            + "?integration=raw' -H 'Content-Type: application/json'"
            + bearer
            + " -d "
            + batch);
    out.println("  dashboard:    " + base + "/ (in a browser)");
    out.flush();
  }

  private static boolean awaitQuietly(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
