package io.lambdagateway.gateway.runtime.define;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries a zip's central directory lists, with the Unix mode each carries in its external
 * attributes. {@link java.util.zip.ZipFile} does not expose that mode, and it is what tells a
 * symbolic link (which must be refused) and an executable {@code bootstrap} (which must stay
 * executable) from a plain file. Zip64 archives are refused: they only serve archives far beyond
 * the extraction bounds.
 */
final class ZipDirectory {

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int END_RECORD_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;
  private static final int ENTRY_HEADER_SIZE = 46;
  private static final int UNIX_HOST = 3;

  /** One central-directory entry: its name and its Unix mode, 0 when made on another system. */
  record Entry(String name, int unixMode) {

    static final int TYPE_MASK = 0170000;
    static final int SYMLINK = 0120000;
    static final int REGULAR = 0100000;
    static final int DIRECTORY = 0040000;

    boolean isDirectory() {
      return name.endsWith("/");
    }

    /** Whether the mode says something other than a file or directory, e.g. a symbolic link. */
    boolean isSpecial() {
      int type = unixMode & TYPE_MASK;
      return type != 0 && type != REGULAR && type != DIRECTORY;
    }

    boolean isSymlink() {
      return (unixMode & TYPE_MASK) == SYMLINK;
    }
  }

  private ZipDirectory() {}

  /**
   * Reads the central directory of {@code zip}, refusing more than {@code maxEntries} entries.
   *
   * @throws IOException when the file is not a zip archive this reader understands
   */
  static List<Entry> read(Path zip, int maxEntries) throws IOException {
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
      ByteBuffer end = endRecord(channel);
      int count = Short.toUnsignedInt(end.getShort(10));
      long size = Integer.toUnsignedLong(end.getInt(12));
      long offset = Integer.toUnsignedLong(end.getInt(16));
      if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
        throw new IOException("zip64 archives are not supported");
      }
      if (count > maxEntries) {
        throw new IOException(count + " entries, more than the " + maxEntries + " allowed");
      }
      if (offset + size > channel.size() || size > Integer.MAX_VALUE) {
        throw new IOException("not a zip archive (central directory out of bounds)");
      }
      ByteBuffer directory = readFully(channel, offset, (int) size);
      return entries(directory, count);
    }
  }

  private static ByteBuffer endRecord(FileChannel channel) throws IOException {
    long fileSize = channel.size();
    int tail = (int) Math.min(fileSize, END_RECORD_SIZE + MAX_COMMENT);
    ByteBuffer buffer = readFully(channel, fileSize - tail, tail);
    for (int at = tail - END_RECORD_SIZE; at >= 0; at--) {
      if (buffer.getInt(at) == END_SIGNATURE) {
        return buffer.slice(at, END_RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    throw new IOException("not a zip archive (no end of central directory)");
  }

  private static List<Entry> entries(ByteBuffer directory, int count) throws IOException {
    List<Entry> entries = new ArrayList<>(count);
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (at + ENTRY_HEADER_SIZE > directory.limit() || directory.getInt(at) != ENTRY_SIGNATURE) {
        throw new IOException("not a zip archive (damaged central directory)");
      }
      int host = Short.toUnsignedInt(directory.getShort(at + 4)) >>> 8;
      int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
      int attributes = directory.getInt(at + 38);
      if (at + ENTRY_HEADER_SIZE + nameLength > directory.limit()) {
        throw new IOException("not a zip archive (damaged central directory)");
      }
      byte[] name = new byte[nameLength];
      directory.get(at + ENTRY_HEADER_SIZE, name);
      int mode = host == UNIX_HOST ? attributes >>> 16 : 0;
      entries.add(new Entry(new String(name, StandardCharsets.UTF_8), mode));
      at += ENTRY_HEADER_SIZE + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("not a zip archive (truncated)");
      }
    }
    return buffer.flip();
  }
}
