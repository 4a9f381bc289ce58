package io.lambdagateway.enricher;

import io.lambdagateway.settings.Settings;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.ResponseForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * Command line: {@code java -jar enricher-cli.jar [--ip=ADDRESS] [--skip-bad-rows] [--output
 * compact|full] [FILE|-]}.
 *
 * <p>Reads one request batch from FILE (standard input when absent or {@code -}) and writes the
 * response batch and a newline to standard output. Flags win over the environment variables of
 * {@link EnricherConfig}; without {@code --ip} or {@code ENRICHER_PUBLIC_IP} the address is
 * discovered. Help, version and usage errors follow every command of the project ({@link
 * Settings}).
 *
 * <p>Exit status: 0 done; 1 the input is not a batch or cannot be read (one line on standard
 * error); 2 bad usage (one line on standard error).
 */
@Command(
    name = "enricher",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Enrich one Transfer request batch (FILE or standard input) and print the response batch.")
public final class EnricherCli implements Callable<Integer> {

  static final int OK = 0;
  static final int BAD_INPUT = 1;
  static final int BAD_USAGE = 2;

  @Option(
      names = "--ip",
      paramLabel = "ADDRESS",
      defaultValue = "${env:" + EnricherConfig.PUBLIC_IP_VARIABLE + ":-}",
      description = "Value of the ip column; empty = discovered from the host.")
  private String ip;

  @Option(
      names = "--skip-bad-rows",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "true|false",
      defaultValue = "${env:" + EnricherConfig.SKIP_BAD_ROWS_VARIABLE + ":-false}",
      description = "Skip bad rows and keep the rest of the record (false: a bad row fails it).")
  private boolean skipBadRows;

  @Option(
      names = "--output",
      paramLabel = "compact|full",
      converter = FormConverter.class,
      defaultValue = "${env:" + EnricherConfig.OUTPUT_VARIABLE + ":-compact}",
      description =
          "The answer's form: compact leaves out zero values, full spells out every field.")
  private ResponseForm output;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "-",
      description = "The request batch; - = standard input (default).")
  private String file;

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final Supplier<String> discovery;

  private EnricherCli(
      InputStream stdin, PrintStream stdout, PrintStream stderr, Supplier<String> discovery) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.discovery = discovery;
  }

  public static void main(String[] args) {
    int status =
        run(args, System.in, System.out, System.err, System.getenv(), PublicAddress::discover);
    System.exit(status);
  }

  /** Runs the command with these streams and environment; returns the exit status. */
  static int run(
      String[] args,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      Map<String, String> environment,
      Supplier<String> discovery) {
    EnricherCli command = new EnricherCli(stdin, stdout, stderr, discovery);
    return Settings.commandLine(command, environment)
        .setOut(writer(stdout))
        .setErr(writer(stderr))
        .execute(args);
  }

  @Override
  public Integer call() {
    EnricherConfig config =
        new EnricherConfig(ip.isBlank() ? discovery.get() : ip.strip(), skipBadRows, output);
    try {
      byte[] request = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
      stdout.write(Enricher.create(config).transform(request));
      stdout.println();
      stdout.flush();
      return OK;
    } catch (MalformedBatchException malformed) {
      stderr.println("enricher: malformed batch: " + malformed.getMessage());
    } catch (NoSuchFileException missing) {
      stderr.println("enricher: no such file: " + missing.getFile());
    } catch (IOException unreadable) {
      stderr.println("enricher: cannot read the input: " + unreadable.getMessage());
    }
    return BAD_INPUT;
  }

  /** {@code compact} or {@code full}, any case; anything else is a one-line usage error. */
  static final class FormConverter implements ITypeConverter<ResponseForm> {
    @Override
    public ResponseForm convert(String text) {
      try {
        return ResponseForm.parse(text);
      } catch (IllegalArgumentException invalid) {
        throw new TypeConversionException("compact or full");
      }
    }
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(stream, true, StandardCharsets.UTF_8);
  }
}
