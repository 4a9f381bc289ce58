package io.lambdagateway.gateway.platform;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/** Picks the on-failure destination of Event invocations from the gateway's settings. */
public final class EventDestinations {

  private EventDestinations() {}

  /**
   * The destination {@code target} names: {@code file:PATH}, or a scheme an {@link
   * EventDestinationProvider} on the class path opens. Without a target: {@value
   * FileEventDestination#FILE_NAME} in the state directory, or, without one, the log.
   *
   * @throws IllegalArgumentException with one line when nothing here opens {@code target}
   */
  public static EventDestination open(Vertx vertx, Optional<URI> target, Optional<Path> stateDir) {
    if (target.isEmpty()) {
      return stateDir
          .<EventDestination>map(
              dir -> new FileEventDestination(vertx, dir.resolve(FileEventDestination.FILE_NAME)))
          .orElseGet(LoggedEventDestination::new);
    }
    URI uri = target.get();
    if ("file".equals(uri.getScheme())) {
      return new FileEventDestination(vertx, Path.of(uri.getSchemeSpecificPart()));
    }
    for (EventDestinationProvider provider : ServiceLoader.load(EventDestinationProvider.class)) {
      if (provider.scheme().equals(uri.getScheme())) {
        return provider.open(vertx, uri);
      }
    }
    throw new IllegalArgumentException(
        "no on-failure destination of scheme '" + uri.getScheme() + "' in this build: " + uri);
  }
}
