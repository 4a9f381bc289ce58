package io.lambdagateway.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive of the documented launch ({@code mvn package} writes it next to the jar):
 * the JVM maps the jar's classes from it, and whether it is there, fits or is stale, a start with
 * the README's flags prints nothing more than without it.
 */
@DisplayName("The class-data archive of the documented launch")
class ClassDataArchiveIT {

  private static final Path JAR = Path.of("target", "lambda-gateway.jar");
  private static final Path ARCHIVE = Path.of("target", "lambda-gateway.jsa");
  private static final List<String> README_FLAGS =
      List.of("-XX:+UseSerialGC", "-Xmx160m", "-XX:MaxDirectMemorySize=64m");
  private static final String QUIET_CDS = "-Xlog:cds=off,cds+dynamic=off";
  private static final String BAD_FORMAT_LINE =
      "lambda-gateway gateway: invalid value for --log-format (env LOG_FORMAT): 'xml':"
          + " text or json; try 'lambda-gateway gateway --help'\n";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  @Test
  @DisplayName("mvn package wrote it, and java -jar maps the launcher's classes from it")
  void packageWroteIt() throws Exception {
    assertThat(ARCHIVE).isRegularFile();

    Run version =
        java(
            Map.of(),
            "-XX:SharedArchiveFile=" + ARCHIVE,
            QUIET_CDS,
            "-Xlog:class+load=info",
            "-jar",
            JAR.toString(),
            "--version");

    assertThat(version.exit).isZero();
    assertThat(version.out).contains("io.lambdagateway.app.Main source: shared objects file (top)");
  }

  @Test
  @DisplayName("fitting, stale or missing, the archive adds no line to a one-line error")
  void oneLineErrorsStayOneLine() throws Exception {
    Path jar = Files.copy(JAR, dir.resolve("lambda-gateway.jar"));
    Path archive = dir.resolve("lambda-gateway.jsa");
    new ArchiveTrainingRun(jar.toAbsolutePath(), archive.toAbsolutePath(), README_FLAGS).write();
    assertThat(archive).isRegularFile();
    assertThat(dir.resolve("lambda-gateway.jsa.partial")).doesNotExist();

    assertOneLineError(jar, archive);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    assertThat(badFormat(jar, archive, List.of()).out)
        .as("a stale archive, without the flag that quiets it")
        .contains("Unable to use shared archive");
    assertOneLineError(jar, archive);
    Files.delete(archive);
    assertOneLineError(jar, archive);
  }

  @Test
  @DisplayName("a training run whose gateway cannot start fails in one line and leaves no archive")
  void failedTraining() throws Exception {
    Path jar = Files.copy(JAR, dir.resolve("lambda-gateway.jar"));
    Path archive = Files.writeString(dir.resolve("lambda-gateway.jsa"), "an earlier build's");

    Run training =
        java(
            Map.of(),
            "-cp",
            jar.toString(),
            ArchiveTrainingRun.class.getName(),
            jar.toString(),
            archive.toString(),
            "-Xmx1k");

    assertThat(training.exit).isEqualTo(1);
    assertThat(training.err)
        .startsWith("no class-data archive written (the jar starts without it): ")
        .contains("the gateway exited: ")
        .endsWith("\n")
        .hasLineCount(1);
    assertThat(archive).doesNotExist();
  }

  private void assertOneLineError(Path jar, Path archive) throws Exception {
    Run run = badFormat(jar, archive, List.of(QUIET_CDS));
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).isEqualTo(BAD_FORMAT_LINE);
    assertThat(run.out).isEmpty();
  }

  private Run badFormat(Path jar, Path archive, List<String> extraFlags) throws Exception {
    List<String> args = new ArrayList<>(README_FLAGS);
    args.add("-XX:SharedArchiveFile=" + archive);
    args.addAll(extraFlags);
    args.addAll(List.of("-jar", jar.toString(), "gateway"));
    return java(Map.of("LOG_FORMAT", "xml"), args.toArray(String[]::new));
  }

  private Run java(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("LOG_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "java", ".out");
    Path err = Files.createTempFile(dir, "java", ".err");
    Process java = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!java.waitFor(120, TimeUnit.SECONDS)) {
      java.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("no exit within 120 s: " + command);
    }
    return new Run(java.exitValue(), Files.readString(out), Files.readString(err));
  }
}
