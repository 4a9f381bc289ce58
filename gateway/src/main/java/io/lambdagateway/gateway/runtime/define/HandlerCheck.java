package io.lambdagateway.gateway.runtime.define;

import io.lambdagateway.gateway.runtime.FunctionSpec.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a handler against its code directory before any process starts: the handler is one word of
 * at most 128 characters (AWS's rule), and the file it names cannot lie outside the code directory,
 * neither by {@code ..}, nor by an absolute path, nor through a symbolic link. A handler file that
 * does not exist is left to the runtime, which fails the first call with {@code
 * Runtime.ImportModuleError} as on AWS. The runtime clients check the same again.
 */
final class HandlerCheck {

  static final int MAX_LENGTH = 128;

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern JAVA_HANDLER =
      Pattern.compile(
          "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*(::[A-Za-z_$][A-Za-z0-9_$]*)?");

  private HandlerCheck() {}

  /** What is wrong with {@code handler} for {@code runtime} in {@code codeDir}, if anything. */
  static Optional<String> check(Runtime runtime, String handler, Path codeDir) {
    if (handler.length() > MAX_LENGTH || !WORD.matcher(handler).matches()) {
      return Optional.of("handler '" + handler + "' must be one word of at most 128 characters");
    }
    return switch (runtime) {
      case JAVA ->
          JAVA_HANDLER.matcher(handler).matches()
              ? Optional.empty()
              : Optional.of("handler '" + handler + "' is not a Java class[::method] name");
      case NODEJS -> files(named(handler), codeDir, nodeModule(handler), ".js", ".mjs", ".cjs");
      case PYTHON -> files(named(handler), codeDir, pythonModule(handler), ".py", "/__init__.py");
      case PROVIDED -> files("bootstrap", codeDir, "bootstrap", "");
    };
  }

  /** {@code dir/main.handler} → {@code dir/main}: the Node runtime's module path. */
  private static String nodeModule(String handler) {
    int slash = handler.lastIndexOf('/');
    int dot = handler.indexOf('.', slash + 1);
    return dot < 0 ? handler : handler.substring(0, dot);
  }

  /** {@code pkg.mod.handler} or {@code pkg/mod.handler} → {@code pkg/mod}. */
  private static String pythonModule(String handler) {
    int dot = handler.lastIndexOf('.');
    String module = dot < 0 ? handler : handler.substring(0, dot);
    return module.replace('.', '/');
  }

  private static String named(String handler) {
    return "handler '" + handler + "'";
  }

  private static Optional<String> files(
      String what, Path codeDir, String module, String... suffixes) {
    Path root = codeDir.toAbsolutePath().normalize();
    if (module.isEmpty() || module.startsWith("/") || List.of(module.split("/")).contains("..")) {
      return escapes(what);
    }
    for (String suffix : suffixes) {
      Path file = root.resolve(module + suffix).normalize();
      if (!file.startsWith(root)) {
        return escapes(what);
      }
      if (Files.exists(file) && !realPathInside(file, root)) {
        return escapes(what);
      }
    }
    return Optional.empty();
  }

  private static boolean realPathInside(Path file, Path root) {
    try {
      return file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException unreadable) {
      return false;
    }
  }

  private static Optional<String> escapes(String what) {
    return Optional.of(what + " leads to a file outside the code directory");
  }
}
