package io.lambdagateway.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The deployed functions in the state directory")
class DeploymentStoreTest {

  @TempDir Path stateDir;

  @Test
  @DisplayName("a function stored is loaded back whole, and no temporary file is left")
  void roundTrip() throws Exception {
    DeploymentStore store = DeploymentStore.open(stateDir);
    Path zip = Files.write(stateDir.resolve("upload.zip"), Zips.nodeHandler("1"));
    String codeFile = store.putCode("f", zip, new byte[32]);
    Deployment d = deployment("f", codeFile);
    store.put(d);

    assertThat(DeploymentStore.open(stateDir).loadAll())
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.deployment()).isEqualTo(d);
              assertThat(Files.readAllBytes(stored.zip())).isEqualTo(Files.readAllBytes(zip));
            });
    try (Stream<Path> files = Files.list(stateDir.resolve(DeploymentStore.DIRECTORY))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("f.json", codeFile);
    }
  }

  @Test
  @DisplayName("a function whose zip is missing is skipped; a deleted one is gone with its zip")
  void missingAndDeleted() throws Exception {
    DeploymentStore store = DeploymentStore.open(stateDir);
    store.put(deployment("lost", "lost.0000.zip"));
    Path zip = Files.write(stateDir.resolve("upload.zip"), Zips.nodeHandler("1"));
    Deployment kept = deployment("gone", store.putCode("gone", zip, new byte[32]));
    store.put(kept);
    assertThat(store.loadAll()).extracting(s -> s.deployment().name()).containsExactly("gone");

    store.delete(kept);

    assertThat(store.loadAll()).isEmpty();
    assertThat(stateDir.resolve(DeploymentStore.DIRECTORY).resolve(kept.codeFile())).doesNotExist();
  }

  private static Deployment deployment(String name, String codeFile) {
    return new Deployment(
        name,
        "nodejs20.x",
        "index.handler",
        "arn:aws:iam::000000000000:role/r",
        "d",
        5,
        256,
        OptionalInt.of(2),
        Map.of("A", "1"),
        Map.of("team", "x"),
        codeFile,
        "c2hh",
        10,
        Instant.parse("2026-01-02T03:04:05.678Z"),
        "rev");
  }
}
