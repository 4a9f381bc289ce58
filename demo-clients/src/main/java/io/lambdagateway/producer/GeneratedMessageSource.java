package io.lambdagateway.producer;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo messages from {@link DemoMessages}; generating one is CPU-cheap (at most ~30 KB of text), so
 * it runs on the caller's thread.
 */
final class GeneratedMessageSource implements MessageSource {

  private final DemoMessages messages;
  private final long limit;
  private long produced;

  /** {@code limit} messages, or an endless stream when {@code limit} is 0. */
  GeneratedMessageSource(DemoMessages messages, long limit) {
    this.messages = messages;
    this.limit = limit;
  }

  @Override
  public Future<List<String>> next(int max) {
    long remaining = limit == 0 ? max : Math.min(max, limit - produced);
    List<String> batch = new ArrayList<>((int) remaining);
    for (long i = 0; i < remaining; i++) {
      batch.add(messages.next());
    }
    produced += remaining;
    return Future.succeededFuture(batch);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
