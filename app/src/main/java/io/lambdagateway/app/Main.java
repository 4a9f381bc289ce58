package io.lambdagateway.app;

import io.lambdagateway.app.demo.DemoCommand;
import io.lambdagateway.app.generate.GenerateEventCommand;
import io.lambdagateway.app.invoke.InvokeCommand;
import io.lambdagateway.app.logging.LogOptions;
import io.lambdagateway.consumer.ConsumeCommand;
import io.lambdagateway.gateway.GatewayCommand;
import io.lambdagateway.gateway.SettingOptions;
import io.lambdagateway.pipeline.PipelineCommand;
import io.lambdagateway.producer.ProduceCommand;
import io.lambdagateway.settings.Settings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The launcher of {@code lambda-gateway.jar}. With no subcommand it runs the gateway (same flags as
 * {@code gateway}). Subcommands: {@code gateway}, {@code produce} (demo messages to Kafka), {@code
 * consume} (print a topic as JSON lines), {@code pipeline} (Kafka → function → Kafka, as Transfer
 * does it), {@code broker} (a single-node Kafka broker) and {@code demo} (all of them in one
 * process). A new subcommand is one more class in {@code subcommands}. Every option of every
 * subcommand has a flag, an environment variable and a default, and a bad value is one line and
 * exit code 2 ({@link Settings}). {@link LogOptions} ({@code --log-level}, {@code --log-format})
 * apply to every subcommand.
 */
@Command(
    name = "lambda-gateway",
    mixinStandardHelpOptions = true,
    modelTransformer = SettingOptions.class,
    description = "Lambda gateway for Transfer: the AWS Lambda Invoke API and function URLs.",
    subcommands = {
      GatewayCommand.class,
      ProduceCommand.class,
      ConsumeCommand.class,
      PipelineCommand.class,
      DemoCommand.class,
      BrokerCommand.class,
      InvokeCommand.class,
      GenerateEventCommand.class,
    })
public final class Main implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The launcher's command line, its defaults read from {@code env}. */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandSpec launcher = CommandSpec.forAnnotatedObject(new Main());
    LogOptions.addTo(launcher);
    return Settings.commandLine(launcher, env);
  }

  @Override
  public Integer call() throws InterruptedException {
    return GatewayCommand.run(spec);
  }
}
