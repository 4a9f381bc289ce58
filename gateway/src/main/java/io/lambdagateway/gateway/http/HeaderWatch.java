package io.lambdagateway.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches the raw bytes of each request's header block on one connection.
 *
 * <p><b>Deadline</b> (slowloris: a byte a second keeps the idle timer from ever firing): it starts
 * when the connection opens and when the first byte arrives while no request of the connection is
 * open; it ends when a request's headers are complete (Vert.x hands over the request). Past it the
 * connection is closed. An idle keep-alive connection that sends nothing is left to the idle
 * timeout.
 *
 * <p><b>Framing</b>: it notes whether the header block names both {@code Content-Length} and {@code
 * Transfer-Encoding}, which Netty's decoder hides (it drops the {@code Content-Length}).
 *
 * <p>It sits in the connection's Netty pipeline just before the HTTP/1.x decoder (first for
 * HTTP/2); Vert.x exposes the pipeline only through its connection implementation ({@link
 * ConnectionBase}, which every HTTP/1.x and HTTP/2 server connection of Vert.x 5.0 is). All methods
 * run on the connection's event loop.
 */
public final class HeaderWatch extends ChannelInboundHandlerAdapter {

  private static final byte[] CONTENT_LENGTH =
      "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING =
      "\ntransfer-encoding:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END_OF_HEADERS = "\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final long timeoutNanos;
  private final ClientErrorLog clientErrors;
  private ChannelHandlerContext channel;
  private ScheduledFuture<?> timer;
  private int openRequests;
  private boolean scanning;
  private int contentLengthMatched;
  private int transferEncodingMatched;
  private int endMatched;
  private boolean sawContentLength;
  private boolean sawTransferEncoding;

  private HeaderWatch(Duration timeout, ClientErrorLog clientErrors) {
    this.timeoutNanos = timeout.toNanos();
    this.clientErrors = clientErrors;
  }

  /** Watches {@code connection}'s requests, starting with the deadline of its first one. */
  public static void watch(HttpConnection connection, Duration timeout, ClientErrorLog log) {
    if (connection instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channel().pipeline();
      HeaderWatch watch = new HeaderWatch(timeout, log);
      // right before the decoder: bytes an earlier handler held back (the h2c preface check)
      // are fired from its place in the pipeline, so the first request passes here too
      ChannelHandlerContext decoder = pipeline.context(HttpRequestDecoder.class);
      if (decoder == null) {
        pipeline.addFirst(watch);
      } else {
        pipeline.addBefore(decoder.name(), null, watch);
      }
    }
  }

  /** The watch of {@code connection}, or null when it has none. */
  public static HeaderWatch of(HttpConnection connection) {
    return connection instanceof ConnectionBase base
        ? base.channel().pipeline().get(HeaderWatch.class)
        : null;
  }

  /** A request's headers are complete: its deadline stops until {@link #requestEnded()}. */
  public void requestStarted() {
    openRequests++;
    scanning = false;
    disarm();
  }

  /** The exchange of a request started with {@link #requestStarted()} is over. */
  public void requestEnded() {
    openRequests--;
  }

  /** Whether the last request's header block had both Content-Length and Transfer-Encoding. */
  public boolean ambiguousFraming() {
    return sawContentLength && sawTransferEncoding;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx;
    startRequest();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (openRequests == 0 && timer == null) {
      startRequest();
    }
    if (scanning && msg instanceof ByteBuf bytes) {
      scan(bytes);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    disarm();
    ctx.fireChannelInactive();
  }

  private void startRequest() {
    scanning = true;
    contentLengthMatched = 1;
    transferEncodingMatched = 1;
    endMatched = 1;
    sawContentLength = false;
    sawTransferEncoding = false;
    timer = channel.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Matches the header names case-insensitively at line starts, up to the blank line. */
  private void scan(ByteBuf bytes) {
    for (int i = bytes.readerIndex(); i < bytes.writerIndex() && scanning; i++) {
      byte b = bytes.getByte(i);
      byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
      contentLengthMatched = advance(CONTENT_LENGTH, contentLengthMatched, lower);
      transferEncodingMatched = advance(TRANSFER_ENCODING, transferEncodingMatched, lower);
      endMatched = advance(END_OF_HEADERS, endMatched, b);
      if (contentLengthMatched == CONTENT_LENGTH.length) {
        sawContentLength = true;
      }
      if (transferEncodingMatched == TRANSFER_ENCODING.length) {
        sawTransferEncoding = true;
      }
      scanning = endMatched < END_OF_HEADERS.length;
    }
  }

  /** Every pattern starts with '\n', which occurs nowhere else in it. */
  private static int advance(byte[] pattern, int matched, byte b) {
    if (matched < pattern.length && pattern[matched] == b) {
      return matched + 1;
    }
    return b == '\n' ? 1 : 0;
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire() {
    timer = null;
    if (openRequests == 0 && channel.channel().isActive()) {
      clientErrors.log(
          "request headers not complete within "
              + Duration.ofNanos(timeoutNanos).toMillis()
              + " ms; connection closed",
          String.valueOf(channel.channel().remoteAddress()));
      channel.close();
    }
  }
}
