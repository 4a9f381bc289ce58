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
import java.util.List;
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
    description = "Lambda gateway for Transfer: the AWS Lambda Invoke API and function URLs.")
public final class Main implements Callable<Integer> {

  /** The subcommands, in the order the launcher's help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          GatewayCommand.class,
          ProduceCommand.class,
          ConsumeCommand.class,
          PipelineCommand.class,
          DemoCommand.class,
          BrokerCommand.class,
          InvokeCommand.class,
          GenerateEventCommand.class);

  @Spec private CommandSpec spec;

  /** Netty's switch for the JFR events of its buffer allocators. */
  static final String NETTY_JFR = "io.netty.jfr.enabled";

  public static void main(String[] args) {
    leaveNettyJfrEventsOff();
    System.exit(commandLine(System.getenv(), args).execute(args));
  }

  /**
   * Netty 4.2 registers JFR events for its allocators at the first allocation, which loads and
   * spins up JFR's event machinery: about a tenth of the gateway's start (200 ms of CPU), for
   * events only a JFR recording that asks for them would use. {@code -Dio.netty.jfr.enabled=true}
   * still turns them on; this runs before any Netty class is loaded.
   */
  static void leaveNettyJfrEventsOff() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  /** The launcher's command line with every subcommand, its defaults read from {@code env}. */
  public static CommandLine commandLine(Map<String, String> env) {
    return commandLine(env, new String[0]);
  }

  /**
   * The launcher's command line for {@code args}: when they start with a subcommand's name, only
   * that subcommand is built. picocli builds a command's model from its annotations, and building
   * every subcommand's (the invoke command alone repeats all the gateway's flags) was about a sixth
   * of the gateway's start; anything else (help, the launcher's own flags, a misspelt name) gets
   * them all.
   */
  public static CommandLine commandLine(Map<String, String> env, String[] args) {
    CommandSpec launcher = CommandSpec.forAnnotatedObject(new Main());
    String named = args.length > 0 ? args[0] : "";
    boolean onlyNamed = SUBCOMMANDS.stream().anyMatch(command -> nameOf(command).equals(named));
    for (Class<?> command : SUBCOMMANDS) {
      if (!onlyNamed || nameOf(command).equals(named)) {
        launcher.addSubcommand(nameOf(command), CommandSpec.forAnnotatedObject(command));
      }
    }
    LogOptions.addTo(launcher);
    return Settings.commandLine(launcher, env);
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Override
  public Integer call() throws InterruptedException {
    return GatewayCommand.run(spec);
  }
}
