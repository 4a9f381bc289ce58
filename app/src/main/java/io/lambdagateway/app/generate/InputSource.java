package io.lambdagateway.app.generate;

import io.lambdagateway.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command's input named by an option: a file, or {@code -} for standard input. A file that is not
 * there is a usage error (exit 2, one line naming the option) found before anything runs.
 */
public final class InputSource {

  /** What stands for standard input. */
  public static final String STDIN = "-";

  private final String name;
  private final InputStream stdin;

  private InputSource(String name, InputStream stdin) {
    this.name = name;
    this.stdin = stdin;
  }

  /**
   * The input {@code flag} names, checked now.
   *
   * @throws picocli.CommandLine.ParameterException when it names no readable file
   */
  public static InputSource of(CommandSpec spec, String flag, String name, InputStream stdin) {
    if (!name.equals(STDIN)
        && (Files.isDirectory(Path.of(name)) || !Files.isReadable(Path.of(name)))) {
      throw Settings.invalid(spec, flag, name, "a readable file, or - for standard input");
    }
    return new InputSource(name, stdin);
  }

  /** All the input's bytes. */
  public byte[] readAll() {
    try {
      return name.equals(STDIN) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(
          "cannot read " + name + ": " + unreadable.getMessage(), unreadable);
    }
  }
}
