package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lambdagateway.gateway.BlockedThreadGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A gateway's normal shutdown is quiet: each runtime, waiting on {@code /next}, is stopped before
 * its Runtime API listener closes, so none reports a failed request on its way out.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Closing a gateway that hosts functions")
class QuietShutdownTest {

  @TempDir Path code;
  private final ListAppender<ILoggingEvent> runtimeOutput = new ListAppender<>();

  @BeforeEach
  void listen() {
    runtimeOutput.start();
    functionsLogger().addAppender(runtimeOutput);
  }

  @AfterEach
  void detach() {
    functionsLogger().detachAppender(runtimeOutput);
  }

  private static Logger functionsLogger() {
    return (Logger) LoggerFactory.getLogger("io.lambdagateway.gateway.functions");
  }

  private static FunctionSpec spec(String name, FunctionSpec.Runtime runtime, Path dir, String h) {
    return new FunctionSpec(
        name, runtime, dir, h, Duration.ofSeconds(30), 256, OptionalInt.empty(), Map.of());
  }

  @Test
  @DisplayName("Node, Python and provided runtimes log nothing while they are stopped")
  void runtimesStopQuietly() throws Exception {
    Path node = Files.createDirectory(code.resolve("node"));
    Files.writeString(node.resolve("index.js"), "exports.handler = async (event) => event;\n");
    Path python = Files.createDirectory(code.resolve("python"));
    Files.writeString(python.resolve("app.py"), "def handler(event, context):\n  return event\n");
    Path provided =
        Bootstrap.write(Files.createDirectory(code.resolve("provided")), "", "respond '{}'");
    RuntimeGateway gateway =
        RuntimeGateway.start(
            List.of(
                spec("node", FunctionSpec.Runtime.NODEJS, node, "index.handler"),
                spec("python", FunctionSpec.Runtime.PYTHON, python, "app.handler"),
                spec("provided", FunctionSpec.Runtime.PROVIDED, provided, "ignored")),
            RuntimeSettings.defaults());
    for (String name : List.of("node", "python", "provided")) {
      assertThat(gateway.invoke(name, "{\"x\":1}").statusCode()).as(name).isEqualTo(200);
    }
    int before = runtimeOutput.list.size();

    gateway.close();

    assertThat(runtimeOutput.list.subList(before, runtimeOutput.list.size()))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }
}
