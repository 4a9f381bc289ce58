package io.lambdagateway.gateway.http.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access-key/secret pairs whose SigV4 signatures the Lambda API accepts. Empty means no
 * verification. Secrets never leave this class except to the signer: {@link #toString()} and every
 * error message name access key ids only.
 */
public final class AccessKeys {

  private static final AccessKeys NONE = new AccessKeys(Map.of());

  private final Map<String, String> secretsById;

  private AccessKeys(Map<String, String> secretsById) {
    this.secretsById = Map.copyOf(secretsById);
  }

  /** No keys: requests are not verified. */
  public static AccessKeys none() {
    return NONE;
  }

  /**
   * Pairs written {@code KEY:SECRET}, separated by commas or line breaks; blank entries are
   * skipped.
   *
   * @throws IllegalArgumentException for an entry that is not a pair or a key given twice; the
   *     message names the entry's position or key id, never a secret
   */
  public static AccessKeys parse(String pairs) {
    return fromEntries(List.of(pairs.split("[,\\r\\n]")));
  }

  /**
   * A file of {@code KEY:SECRET} lines; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException as {@link #parse}
   */
  public static AccessKeys read(Path file) throws IOException {
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(line -> !line.strip().startsWith("#"))
            .toList();
    return fromEntries(lines);
  }

  /**
   * These keys and {@code other}'s.
   *
   * @throws IllegalArgumentException when both have the same key id
   */
  public AccessKeys and(AccessKeys other) {
    Map<String, String> all = new LinkedHashMap<>(secretsById);
    other.secretsById.forEach((id, secret) -> put(all, id, secret));
    return new AccessKeys(all);
  }

  public boolean isEmpty() {
    return secretsById.isEmpty();
  }

  public int size() {
    return secretsById.size();
  }

  /** The secret of {@code accessKeyId}, or empty for a key nobody configured. */
  public Optional<String> secretOf(String accessKeyId) {
    return Optional.ofNullable(secretsById.get(accessKeyId));
  }

  /** The number of keys and their ids, sorted; never a secret. */
  @Override
  public String toString() {
    return "AccessKeys" + secretsById.keySet().stream().sorted().toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessKeys keys && keys.secretsById.equals(secretsById);
  }

  @Override
  public int hashCode() {
    return secretsById.hashCode();
  }

  private static AccessKeys fromEntries(List<String> entries) {
    Map<String, String> secrets = new LinkedHashMap<>();
    int position = 0;
    for (String entry : entries) {
      String pair = entry.strip();
      if (pair.isEmpty()) {
        continue;
      }
      position++;
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new IllegalArgumentException(
            "access key " + position + " is not written KEY:SECRET (both non-empty)");
      }
      put(secrets, pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
    }
    return secrets.isEmpty() ? NONE : new AccessKeys(secrets);
  }

  private static void put(Map<String, String> secrets, String id, String secret) {
    if (secrets.putIfAbsent(id, secret) != null) {
      throw new IllegalArgumentException("access key '" + id + "' is given twice");
    }
  }
}
