package io.lambdagateway.gateway.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Configured access keys")
class AccessKeysTest {

  @Test
  @DisplayName("pairs are KEY:SECRET separated by commas; a secret may contain colons")
  void parsesPairs() {
    AccessKeys keys = AccessKeys.parse(" AKID1:s3cret , AKID2:with:colons,");

    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.secretOf("AKID1")).contains("s3cret");
    assertThat(keys.secretOf("AKID2")).contains("with:colons");
    assertThat(keys.secretOf("AKID3")).isEmpty();
    assertThat(AccessKeys.parse("").isEmpty()).isTrue();
  }

  @Test
  @DisplayName("a file has one pair a line, # comments and blank lines; it adds to the inline keys")
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("keys"), "# team keys\nAKIDFILE:from-file\n\n  \n");

    AccessKeys keys = AccessKeys.parse("AKID1:inline").and(AccessKeys.read(file));

    assertThat(keys.secretOf("AKIDFILE")).contains("from-file");
    assertThat(keys.secretOf("AKID1")).contains("inline");
  }

  @Test
  @DisplayName("errors and toString name key ids and positions, never a secret")
  void neverShowsASecret() {
    assertThat(AccessKeys.parse("AKID1:hidden-secret").toString())
        .isEqualTo("AccessKeys[AKID1]")
        .doesNotContain("hidden-secret");
    assertThatThrownBy(() -> AccessKeys.parse("AKID1:one,only-a-secret-here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("access key 2 is not written KEY:SECRET (both non-empty)");
    assertThatThrownBy(() -> AccessKeys.parse("AKID1:first-secret,AKID1:second-secret"))
        .hasMessage("access key 'AKID1' is given twice")
        .hasMessageNotContaining("secret-");
    assertThatThrownBy(() -> AccessKeys.parse("AKID1:"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
