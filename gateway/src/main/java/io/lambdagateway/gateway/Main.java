package io.lambdagateway.gateway;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The launcher of {@code lambda-gateway.jar}. With no subcommand it runs the gateway (same flags
 * as {@code gateway}). A new subcommand is one more class in {@code subcommands}.
 */
@Command(name = "lambda-gateway", mixinStandardHelpOptions = true,
    modelTransformer = SettingOptions.class,
    description = "Lambda gateway for Transfer: the AWS Lambda Invoke API and function URLs.",
    subcommands = {
        GatewayCommand.class,
    })
public final class Main implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    return GatewayCommand.run(spec);
  }
}
