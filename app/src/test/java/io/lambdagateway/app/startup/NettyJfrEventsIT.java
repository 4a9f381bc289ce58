package io.lambdagateway.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher leaves Netty's allocator JFR events off unless asked: a gateway started from the
 * jar, called and stopped (the archive's training run does exactly that) loads none of their
 * classes, and does with {@code -Dio.netty.jfr.enabled=true}.
 */
@DisplayName("Netty's allocator JFR events at the gateway's start")
class NettyJfrEventsIT {

  private static final Path JAR = Path.of("target", "lambda-gateway.jar");
  private static final String EVENT_CLASS = "io.netty.buffer.AllocateChunkEvent";

  @TempDir Path dir;

  @Test
  @DisplayName("are not loaded by default, and are with -Dio.netty.jfr.enabled=true")
  void offUnlessAsked() throws Exception {
    assertThat(classesLoaded(List.of())).contains("io.netty.buffer.").doesNotContain(EVENT_CLASS);
    assertThat(classesLoaded(List.of("-Dio.netty.jfr.enabled=true"))).contains(EVENT_CLASS);
  }

  /** The class-load log of a gateway that starts, answers an enricher call and stops. */
  private String classesLoaded(List<String> flags) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".log");
    List<String> jvmFlags =
        new java.util.ArrayList<>(List.of("-Xmx160m", "-Xlog:class+load=info:file=" + log));
    jvmFlags.addAll(flags);
    new ArchiveTrainingRun(JAR.toAbsolutePath(), dir.resolve("unused.jsa"), jvmFlags).write();
    return Files.readString(log);
  }
}
