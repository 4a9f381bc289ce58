package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * What Linux's {@code /proc} says about processes: their process group, whether they still run, and
 * which carry an execution environment's marker variable. Everything is a snapshot that may be
 * stale a moment later; a process that cannot be read (gone, another user's) is skipped. Where
 * there is no {@code /proc} every answer is empty. Blocking: call off the event loop.
 */
final class ProcessTable {

  private static final Path PROC = Path.of("/proc");

  private ProcessTable() {}

  /** The process group of {@code pid}, empty when it is gone or has ended (a zombie). */
  static OptionalLong groupOf(long pid) {
    String[] stat = stat(pid);
    return stat == null || ended(stat) ? OptionalLong.empty() : OptionalLong.of(pgid(stat));
  }

  /**
   * Whether the process exists and has not ended (a zombie has ended: it only waits to be reaped);
   * where there is no {@code /proc}, whether Java sees it alive.
   */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    String[] stat = stat(process.pid());
    return stat == null ? !Files.isDirectory(PROC) : !ended(stat);
  }

  /**
   * The running processes that are in process group {@code group} (when given) or whose initial
   * environment holds {@code marker} (a {@code NAME=value} entry).
   */
  static List<Long> members(OptionalLong group, String marker) {
    byte[] entry = ("\0" + marker + "\0").getBytes(StandardCharsets.UTF_8);
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : pids) {
        long pid = Long.parseLong(dir.getFileName().toString());
        String[] stat = stat(pid);
        if (stat == null || ended(stat) || pid == ProcessHandle.current().pid()) {
          continue;
        }
        boolean inGroup = group.isPresent() && pgid(stat) == group.getAsLong();
        if (inGroup || environmentHolds(dir, entry)) {
          found.add(pid);
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // no /proc here, or it changed under us: what was found so far is the answer
    }
    return found;
  }

  /** The fields of {@code /proc/PID/stat} after the command name: state, ppid, pgrp, … */
  private static String[] stat(long pid) {
    try {
      String line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      // the command name is in parentheses and may itself hold spaces and parentheses
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  private static boolean ended(String[] stat) {
    return stat[0].equals("Z") || stat[0].equals("X");
  }

  private static long pgid(String[] stat) {
    return Long.parseLong(stat[2]);
  }

  /** Whether the environment the process was started with holds {@code entry} ("\0K=V\0"). */
  private static boolean environmentHolds(Path dir, byte[] entry) {
    byte[] environ;
    try {
      environ = Files.readAllBytes(dir.resolve("environ"));
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
    // a NUL in front, so that the first variable is delimited like the others
    byte[] delimited = new byte[environ.length + 1];
    System.arraycopy(environ, 0, delimited, 1, environ.length);
    for (int i = 0; i + entry.length <= delimited.length; i++) {
      if (Arrays.equals(delimited, i, i + entry.length, entry, 0, entry.length)) {
        return true;
      }
    }
    return false;
  }
}
