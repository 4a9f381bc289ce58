package io.lambdagateway.producer;

import io.vertx.core.Future;
import java.util.List;

/** Where {@link ProducerVerticle} takes the values it sends, a batch at a time. */
interface MessageSource {

  /** Up to {@code max} next messages; an empty list means the source is exhausted. */
  Future<List<String>> next(int max);

  /** Releases what the source holds open. */
  Future<Void> close();
}
