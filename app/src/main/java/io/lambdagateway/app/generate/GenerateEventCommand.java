package io.lambdagateway.app.generate;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate-event}: prints an event a function receives, like {@code sam local
 * generate-event}, for {@code invoke --payload -} or a test file. The event kinds are its
 * subcommands; without one it is a usage error.
 */
@Command(
    name = "generate-event",
    mixinStandardHelpOptions = true,
    description = "Print a sample event: a Transfer batch or a function-URL event.",
    subcommands = {TransferKafkaEventCommand.class, FunctionUrlEventCommand.class})
public final class GenerateEventCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "name the event: transfer-kafka or function-url");
  }
}
