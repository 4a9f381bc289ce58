package io.lambdagateway.gateway.runtime.define;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Function code in a zip")
class CodeZipTest {

  private static final int REGULAR = 0100644;
  private static final int EXECUTABLE = 0100755;
  private static final int SYMLINK = 0120777;

  @TempDir Path dir;

  private final CodeZip zips = CodeZip.withDefaultBounds();
  private Path extracted;

  @AfterEach
  void deleteExtracted() {
    if (extracted != null) {
      CodeDirectories.delete(extracted);
    }
  }

  @Test
  @DisplayName("a normal zip is extracted into a private directory, executables staying executable")
  void extracts() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("lib/", "");
    entries.put("lib/util.js", "module.exports = 1;\n");
    entries.put("main.js", "exports.handler = async () => 1;\n");
    entries.put("bootstrap", "#!/bin/sh\n");
    Path zip = write("code.zip", entries, 0040755, REGULAR, REGULAR, EXECUTABLE);

    extracted = zips.extract(zip);

    assertThat(extracted.getFileName().toString()).startsWith("lambda-gateway-code-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(extracted)))
        .isEqualTo("rwx------");
    assertThat(extracted.resolve("lib/util.js")).hasContent("module.exports = 1;");
    assertThat(extracted.resolve("main.js")).hasContent("exports.handler = async () => 1;");
    assertThat(Files.isExecutable(extracted.resolve("bootstrap"))).isTrue();
    assertThat(Files.isExecutable(extracted.resolve("main.js"))).isFalse();
  }

  @Test
  @DisplayName("an entry named ../evil (zip slip) is refused and nothing is written")
  void refusesZipSlip() throws IOException {
    Path zip = write("slip.zip", Map.of("../evil.js", "pwned"), REGULAR);
    Set<Path> before = codeDirectories();

    assertThatThrownBy(() -> zips.extract(zip))
        .isInstanceOf(IOException.class)
        .hasMessage("entry '../evil.js' leads outside the code directory (..)");
    assertThat(dir.resolveSibling("evil.js")).doesNotExist();
    assertThat(codeDirectories()).isEqualTo(before);
  }

  @Test
  @DisplayName("an entry with .. in the middle of its name is refused")
  void refusesInnerDotDot() throws IOException {
    Path zip = write("slip.zip", Map.of("a/../../evil.js", "pwned"), REGULAR);

    assertThatThrownBy(() -> zips.extract(zip)).hasMessageContaining("leads outside");
  }

  @Test
  @DisplayName("an absolute entry name is refused")
  void refusesAbsoluteNames() throws IOException {
    Path zip = write("abs.zip", Map.of("/tmp/evil.js", "pwned"), REGULAR);

    assertThatThrownBy(() -> zips.extract(zip))
        .hasMessage("entry '/tmp/evil.js' has an absolute or empty name");
  }

  @Test
  @DisplayName("a symbolic-link entry (Unix mode in the external attributes) is refused")
  void refusesSymlinks() throws IOException {
    Path zip = write("link.zip", Map.of("main.js", "/etc/passwd"), SYMLINK);

    assertThatThrownBy(() -> zips.extract(zip)).hasMessage("entry 'main.js' is a symbolic link");
  }

  @Test
  @DisplayName("a symbolic link stored by the zip tool itself is refused")
  void refusesSymlinksFromTheZipTool() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.createSymbolicLink(src.resolve("main.js"), Path.of("/etc/passwd"));
    Path zip = dir.resolve("tool.zip");
    Process zipTool =
        new ProcessBuilder("zip", "-q", "--symlinks", zip.toString(), "main.js")
            .directory(src.toFile())
            .inheritIO()
            .start();
    assertThat(zipTool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(zipTool.exitValue()).isZero();

    assertThatThrownBy(() -> zips.extract(zip)).hasMessage("entry 'main.js' is a symbolic link");
  }

  @Test
  @DisplayName("more entries than the bound are refused before anything is written")
  void boundsEntries() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      entries.put("f" + i, "x");
    }
    Path zip = write("many.zip", entries, REGULAR, REGULAR, REGULAR, REGULAR);

    assertThatThrownBy(() -> new CodeZip(1_000_000, 3).extract(zip))
        .hasMessage("4 entries, more than the 3 allowed");
  }

  @Test
  @DisplayName("more content than the bound is refused while writing, and the partial copy deleted")
  void boundsSize() throws IOException {
    Path zip = write("bomb.zip", Map.of("zeros", "\0".repeat(5000)), REGULAR);
    Set<Path> before = codeDirectories();

    assertThatThrownBy(() -> new CodeZip(4096, 10).extract(zip))
        .hasMessage("extracted content is larger than 4096 bytes");
    assertThat(codeDirectories()).isEqualTo(before);
  }

  @Test
  @DisplayName("the default bounds are AWS's 250 MB of unzipped code and 10,000 entries")
  void defaultBounds() {
    assertThat(CodeZip.DEFAULT_MAX_BYTES).isEqualTo(250L * 1024 * 1024);
    assertThat(CodeZip.DEFAULT_MAX_ENTRIES).isEqualTo(10_000);
  }

  @Test
  @DisplayName("code=ZIP hosts the extracted directory and checks the handler inside it")
  void specWithZip() throws IOException {
    Path zip = write("fn.zip", Map.of("app.py", "def handler(e, c): return e\n"), REGULAR);

    FunctionSpec spec =
        new FunctionDefinitions(List.of(), zips)
            .addSpec("name=f,runtime=python,code=" + zip + ",handler=app.handler")
            .functions()
            .get(0);
    extracted = spec.codeDir();

    assertThat(extracted.resolve("app.py")).exists();
    assertThat(extracted).isNotEqualTo(zip.getParent());
  }

  @Test
  @DisplayName("a refused zip is one line naming the function and the entry")
  void specWithBadZip() throws IOException {
    Path zip = write("slip.zip", Map.of("../evil.js", "pwned"), REGULAR);

    assertThatThrownBy(
            () ->
                new FunctionDefinitions(List.of(), zips)
                    .addSpec("name=f,runtime=nodejs,code=" + zip + ",handler=main.handler"))
        .isInstanceOf(InvalidDefinition.class)
        .hasMessage(
            "function f: code '"
                + zip
                + "' refused: entry '../evil.js' leads outside the code directory (..)");
  }

  /** A zip of {@code entries}, in order, whose central directory gives each its Unix mode. */
  private Path write(String name, Map<String, String> entries, int... modes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return Files.write(dir.resolve(name), withUnixModes(bytes.toByteArray(), modes));
  }

  /** Marks each central-directory entry as made on Unix with the given mode. */
  private static byte[] withUnixModes(byte[] zip, int... modes) {
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int entry = 0;
    for (int at = 0; at + 4 <= zip.length && entry < modes.length; at++) {
      if (buffer.getInt(at) == 0x02014b50) {
        buffer.putShort(at + 4, (short) (3 << 8 | 20));
        buffer.putInt(at + 38, modes[entry++] << 16);
      }
    }
    return zip;
  }

  private static Set<Path> codeDirectories() throws IOException {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("lambda-gateway-code-"))
          .collect(Collectors.toSet());
    }
  }
}
