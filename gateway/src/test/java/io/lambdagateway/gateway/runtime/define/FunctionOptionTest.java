package io.lambdagateway.gateway.runtime.define;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import io.lambdagateway.gateway.runtime.FunctionSpec.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("--function specs")
class FunctionOptionTest {

  @TempDir static Path code;

  @BeforeEach
  void writeCode() throws IOException {
    Files.writeString(code.resolve("main.js"), "exports.handler = async (e) => e;\n");
  }

  private static FunctionSpec parse(String spec) {
    return new FunctionDefinitions(List.of("enricher"), CodeZip.withDefaultBounds())
        .addSpec(spec.replace("DIR", code.toString()))
        .functions()
        .get(0);
  }

  @Test
  @DisplayName("every field is read")
  void readsEveryField() {
    FunctionSpec f =
        parse(
            "name=orders_v2-1, runtime=nodejs, code=DIR, handler=main.handler, timeout=30s,"
                + " memory=512, concurrency=4, env.TABLE=orders, env.URL=http://h/?a=b");

    assertThat(f.name()).isEqualTo("orders_v2-1");
    assertThat(f.runtime()).isEqualTo(Runtime.NODEJS);
    assertThat(f.runtimeId()).as("reported for the family name").isEqualTo("nodejs");
    assertThat(f.codeDir()).isEqualTo(code.toAbsolutePath());
    assertThat(f.handler()).isEqualTo("main.handler");
    assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(f.memoryMb()).isEqualTo(512);
    assertThat(f.reservedConcurrency()).isEqualTo(OptionalInt.of(4));
    assertThat(f.env()).isEqualTo(Map.of("TABLE", "orders", "URL", "http://h/?a=b"));
  }

  @Test
  @DisplayName("AWS's versioned runtime identifiers are kept as given, for GetFunction to report")
  void keepsAwsRuntimeIdentifiers() {
    assertThat(parse("name=a, runtime=nodejs20.x, code=DIR, handler=main.handler").runtimeId())
        .isEqualTo("nodejs20.x");
    assertThat(parse("name=b, runtime=java, code=DIR, handler=p.C::h").runtimeId())
        .isEqualTo("java17");
    assertThat(parse("name=c, runtime=Java21, code=DIR, handler=p.C::h").runtimeId())
        .isEqualTo("java21");
  }

  @Test
  @DisplayName("timeout, memory and concurrency default to AWS's 3 s, 128 MB and unreserved")
  void hasAwsDefaults() {
    FunctionSpec f = parse("name=f,runtime=python,code=DIR,handler=app.handler");

    assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(f.memoryMb()).isEqualTo(128);
    assertThat(f.reservedConcurrency()).isEmpty();
    assertThat(f.env()).isEmpty();
  }

  static Stream<Arguments> goodFields() {
    return Stream.of(
        Arguments.of("runtime=nodejs20.x", "runtime", Runtime.NODEJS),
        Arguments.of("runtime=python3.12", "runtime", Runtime.PYTHON),
        Arguments.of("runtime=java21", "runtime", Runtime.JAVA),
        Arguments.of("runtime=provided.al2023", "runtime", Runtime.PROVIDED),
        Arguments.of("runtime=nodejs,timeout=1500ms", "timeout", Duration.ofMillis(1500)),
        Arguments.of("runtime=nodejs,timeout=2m", "timeout", Duration.ofMinutes(2)),
        Arguments.of("runtime=nodejs,timeout=900", "timeout", Duration.ofMinutes(15)),
        Arguments.of("runtime=nodejs,memory=10240", "memory", 10240),
        Arguments.of("runtime=nodejs,memory=1024MB", "memory", 1024),
        Arguments.of("runtime=nodejs,concurrency=0", "concurrency", OptionalInt.of(0)),
        Arguments.of("runtime=nodejs,env.A= spaced ", "env", Map.of("A", " spaced ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodFields")
  @DisplayName("a field takes AWS's names and the shared duration and size grammars")
  void readsField(String fields, String what, Object expected) {
    FunctionSpec f = parse("name=f,code=DIR,handler=main.handler," + fields);

    Object actual =
        switch (what) {
          case "runtime" -> f.runtime();
          case "timeout" -> f.timeout();
          case "memory" -> f.memoryMb();
          case "concurrency" -> f.reservedConcurrency();
          default -> f.env();
        };
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  @DisplayName("a provided function needs no handler: it runs the code's bootstrap")
  void providedNeedsNoHandler() {
    assertThat(parse("name=f,runtime=provided,code=DIR").handler()).isEqualTo("bootstrap");
  }

  static Stream<Arguments> badSpecs() {
    String ok = "runtime=nodejs,code=DIR,handler=main.handler";
    return Stream.of(
        Arguments.of(ok, "function name is missing: 1 to 64 letters, digits"),
        Arguments.of("name=," + ok, "function name '' is not valid: 1 to 64 letters"),
        Arguments.of("name=a.b," + ok, "function name 'a.b' is not valid"),
        Arguments.of("name=" + "x".repeat(65) + "," + ok, "is not valid: 1 to 64"),
        Arguments.of("name=enricher," + ok, "function enricher: the name is taken by a built-in"),
        Arguments.of("name=f,code=DIR,handler=main.handler", "function f: runtime is missing"),
        Arguments.of("name=f,runtime=ruby3.3,code=DIR,handler=h.h", "runtime 'ruby3.3' is not"),
        Arguments.of("name=f,runtime=nodejs,code=DIR", "function f: handler is missing"),
        Arguments.of("name=f,runtime=nodejs,handler=main.handler", "function f: code is missing"),
        Arguments.of("name=f," + ok + ",timeout=soon", "function f: timeout 'soon': above 0"),
        Arguments.of("name=f," + ok + ",timeout=0", "timeout '0': above 0 and at most 15m"),
        Arguments.of("name=f," + ok + ",timeout=16m", "timeout '16m': above 0 and at most 15m"),
        Arguments.of("name=f," + ok + ",memory=64", "memory '64': a whole number of MB between"),
        Arguments.of("name=f," + ok + ",memory=1.5KB", "memory '1.5KB': a whole number of MB"),
        Arguments.of("name=f," + ok + ",memory=20000", "between 128 and 10240"),
        Arguments.of("name=f," + ok + ",concurrency=-1", "concurrency '-1': a whole number"),
        Arguments.of("name=f," + ok + ",colour=red", "unknown field 'colour' (fields: name,"),
        Arguments.of("name=f," + ok + ",timeout=1s,timeout=2s", "field 'timeout' is given twice"),
        Arguments.of("name=f," + ok + ",env.A=x,y", "'y' is not key=value (values cannot contain"),
        Arguments.of("name=f," + ok + ",env.9A=x", "environment variable name '9A' is not valid"),
        Arguments.of("name=f," + ok + ",env.A-B=x", "environment variable name 'A-B' is not valid"),
        Arguments.of("name=f," + ok + ",env.=x", "environment variable name '' is not valid"),
        Arguments.of(
            "name=f," + ok + ",env.AWS_LAMBDA_RUNTIME_API=evil:1",
            "function f: environment variable AWS_LAMBDA_RUNTIME_API is reserved by Lambda"),
        Arguments.of("name=f," + ok + ",env._HANDLER=x", "_HANDLER is reserved"),
        Arguments.of("name=f," + ok + ",env.LAMBDA_TASK_ROOT=/", "LAMBDA_TASK_ROOT is reserved"),
        Arguments.of("name=f," + ok + ",env.BIG=" + "x".repeat(4096), "more than AWS's 4096"),
        Arguments.of(
            "name=f,runtime=nodejs,code=DIR/missing,handler=main.handler",
            "function f: code '" + "DIR/missing' does not exist"),
        Arguments.of(
            "name=f,runtime=nodejs,code=DIR/main.js,handler=main.handler",
            "code 'DIR/main.js' is neither a directory nor a zip file"),
        Arguments.of(
            "name=f,runtime=nodejs,code=DIR,handler=../outside.handler",
            "function f: handler '../outside.handler' leads to a file outside the code directory"),
        Arguments.of(
            "name=f,runtime=python,code=DIR,handler=/etc/passwd.x", "leads to a file outside"),
        Arguments.of("name=f,runtime=nodejs,code=DIR,handler=a b", "must be one word"),
        Arguments.of("name=f,runtime=java,code=DIR,handler=a/B::c", "not a Java class"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badSpecs")
  @DisplayName("a bad spec is refused in one line naming the function and what is wrong")
  void refusesBadSpec(String spec, String message) {
    assertThatThrownBy(() -> parse(spec))
        .isInstanceOf(InvalidDefinition.class)
        .hasMessageContaining(message.replace("DIR", code.toString()))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a second function with the same name is refused")
  void refusesDuplicates() {
    FunctionDefinitions definitions =
        new FunctionDefinitions(List.of("enricher"), CodeZip.withDefaultBounds())
            .addSpec("name=f,runtime=nodejs,code=" + code + ",handler=main.handler");

    assertThatThrownBy(
            () -> definitions.addSpec("name=f,runtime=python,code=" + code + ",handler=m.h"))
        .hasMessage("function f: defined twice");
  }

  @Test
  @DisplayName("a handler file that links outside the code directory is refused")
  void refusesHandlerLinkingOut(@TempDir Path other) throws IOException {
    Path outside = Files.writeString(other.resolve("secret.js"), "");
    Path dir = Files.createDirectories(other.resolve("code"));
    Files.createSymbolicLink(dir.resolve("main.js"), outside);

    assertThatThrownBy(
            () ->
                new FunctionDefinitions(List.of(), CodeZip.withDefaultBounds())
                    .addSpec("name=f,runtime=nodejs,code=" + dir + ",handler=main.handler"))
        .hasMessage(
            "function f: handler 'main.handler' leads to a file outside the code directory");
  }
}
