package io.lambdagateway.app.invoke;

import io.lambdagateway.app.generate.InputSource;
import io.lambdagateway.gateway.Setting;
import io.lambdagateway.gateway.SettingOptions;
import io.lambdagateway.settings.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code invoke}: one call of a function through the Lambda Invoke API, printed like {@code sam
 * local invoke}: the answer and a newline on stdout, with {@code --log} the call's log tail on
 * stderr first. With {@code --endpoint} it calls a running gateway (or anything that speaks the
 * Invoke API); without, it starts a gateway in this process on a free loopback port, configured by
 * the gateway's own settings (flags or variables: the enricher, {@code --function}, {@code
 * --template}, ...), calls it once and stops it.
 *
 * <p>Exit status: 0 answered; 1 the function failed (its error JSON on stdout); 2 bad usage (one
 * line); 3 the call itself failed: the gateway unreachable or answering an API error (one line).
 */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    modelTransformer = SettingOptions.class,
    // the gateway's options would make the generated synopsis forty lines long
    customSynopsis = "lambda-gateway invoke [-hV] [OPTIONS] FUNCTION",
    description = {
      "Invoke a function once and print its answer (like sam local invoke).",
      "With --endpoint through that gateway's Invoke API; without, in this process: a gateway with"
          + " the gateway options below is started on a free loopback port for the one call."
    })
public final class InvokeCommand implements Callable<Integer> {

  /** The function failed: its error JSON is on stdout. */
  static final int FUNCTION_ERROR = 1;

  /** The call failed: nothing answered, or the Invoke API refused it. */
  static final int CALL_FAILED = 3;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FUNCTION",
      description = "Function name, name:qualifier or ARN.")
  private String function;

  @Option(
      names = "--payload",
      paramLabel = "FILE|-",
      defaultValue = "${env:INVOKE_PAYLOAD}",
      description = "The event: this file (- = standard input); none = {}.")
  private String payload;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      defaultValue = "${env:INVOKE_ENDPOINT}",
      description = "A running gateway, e.g. http://127.0.0.1:8080; none = in this process.")
  private String endpoint;

  @Option(
      names = "--log",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "true|false",
      defaultValue = "${env:INVOKE_LOG:-false}",
      description = "Print the call's log tail (X-Amz-Log-Result, last 4 KB) on stderr.")
  private boolean log;

  @Option(
      names = "--qualifier",
      defaultValue = "${env:INVOKE_QUALIFIER}",
      description = "Version or alias to invoke.")
  private String qualifier;

  @Option(
      names = "--invocation-type",
      paramLabel = "TYPE",
      defaultValue = "${env:INVOKE_INVOCATION_TYPE:-RequestResponse}",
      converter = InvocationTypes.class,
      description = "RequestResponse, Event (needs --endpoint) or DryRun.")
  private String invocationType;

  @Override
  public Integer call() throws InterruptedException {
    URI target = endpoint == null ? null : endpointUri();
    if (target == null && invocationType.equals(InvocationTypes.EVENT)) {
      throw new ParameterException(
          spec.commandLine(),
          "--invocation-type Event needs --endpoint: in this process the gateway would stop"
              + " before the event runs");
    }
    byte[] event =
        payload == null
            ? "{}".getBytes(StandardCharsets.UTF_8)
            : InputSource.of(spec, "--payload", payload, System.in).readAll();
    InvokeCall call =
        new InvokeCall(function, qualifier, invocationType, log, event, Settings.environment(spec));
    InvokeOutput output =
        new InvokeOutput(spec.commandLine().getOut(), spec.commandLine().getErr());
    if (target != null) {
      return output.show(() -> call.send(target, region()), target);
    }
    InProcessGateway started;
    try {
      started = InProcessGateway.start(spec);
    } catch (IllegalStateException cannotStart) {
      return output.failed(cannotStart.getMessage());
    }
    try (InProcessGateway gateway = started) {
      return output.show(() -> call.send(gateway.endpoint(), gateway.region()), gateway.endpoint());
    }
  }

  private URI endpointUri() {
    try {
      URI uri = URI.create(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException notAUri) {
      // refused below, in the same words as any other bad URL
    }
    throw Settings.invalid(spec, "--endpoint", endpoint, "an http:// or https:// URL");
  }

  /** The region requests are signed for: the gateway's --region setting. */
  private String region() {
    return SettingOptions.values(spec).getOrDefault(Setting.REGION.envName(), "us-east-1");
  }

  /** Accepts the Invoke API's invocation types, in any case, and gives their exact spelling. */
  static final class InvocationTypes implements ITypeConverter<String> {
    static final String EVENT = "Event";
    private static final List<String> TYPES = List.of("RequestResponse", EVENT, "DryRun");

    @Override
    public String convert(String value) {
      for (String type : TYPES) {
        if (type.equalsIgnoreCase(value)) {
          return type;
        }
      }
      throw new TypeConversionException("RequestResponse, Event or DryRun");
    }
  }
}
