package io.lambdagateway.enricher;

import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.ResponseForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Command line: {@code java -jar enricher-cli.jar [--ip ADDRESS] [--skip-bad-rows] [--output
 * compact|full] [FILE]}.
 *
 * <p>Reads one request batch from FILE (standard input when absent or {@code -}) and writes the
 * response batch to standard output. Options override the environment variables of {@link
 * EnricherConfig}; without {@code --ip} or {@code ENRICHER_PUBLIC_IP} the address is discovered.
 *
 * <p>Exit status: 0 done; 1 the input is not a batch or cannot be read (one line on standard
 * error); 2 bad usage.
 */
public final class EnricherCli {

  static final int OK = 0;
  static final int BAD_INPUT = 1;
  static final int BAD_USAGE = 2;

  private static final String USAGE =
      "usage: java -jar enricher-cli.jar [--ip ADDRESS] [--skip-bad-rows] [--output compact|full] [FILE]";

  private EnricherCli() {}

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
    Options options;
    EnricherConfig config;
    try {
      options = Options.parse(args);
      if (options.help) {
        stdout.println(USAGE);
        return OK;
      }
      config = options.applyTo(environment, discovery);
    } catch (IllegalArgumentException usage) {
      stderr.println("enricher: " + usage.getMessage());
      stderr.println(USAGE);
      return BAD_USAGE;
    }
    try {
      byte[] request =
          options.file == null ? stdin.readAllBytes() : Files.readAllBytes(options.file);
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

  /** The parsed command line. */
  private static final class Options {
    String ip;
    Boolean skipBadRows;
    String output;
    Path file;
    boolean help;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--ip" -> options.ip = valueAfter(args, ++i, arg);
          case "--skip-bad-rows" -> options.skipBadRows = true;
          case "--output" -> options.output = valueAfter(args, ++i, arg);
          case "-h", "--help" -> options.help = true;
          case "-" -> options.setFile(null);
          default -> {
            if (arg.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            options.setFile(Path.of(arg));
          }
        }
      }
      return options;
    }

    private void setFile(Path path) {
      if (file != null) {
        throw new IllegalArgumentException("only one input file is allowed");
      }
      file = path;
    }

    private static String valueAfter(String[] args, int index, String option) {
      if (index >= args.length || args[index].isBlank()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    EnricherConfig applyTo(Map<String, String> environment, Supplier<String> discovery) {
      Supplier<String> address = ip != null ? () -> ip : discovery;
      EnricherConfig config = EnricherConfig.fromEnvironment(environment, address);
      if (ip != null) {
        config = config.withPublicIp(ip);
      }
      if (output != null) {
        config = config.withOutput(ResponseForm.parse(output));
      }
      return skipBadRows != null ? config.withSkipBadRows(skipBadRows) : config;
    }
  }
}
