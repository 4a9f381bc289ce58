package io.lambdagateway.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThread*}, {@code C2
 * CompilerThread*}), read from {@code /proc}, for any process of this machine: the latency
 * benchmark warms up until the compilers of every JVM on the path have gone quiet.
 */
final class CompilerThreads {

  /** Linux reports thread CPU in clock ticks of 10 ms (USER_HZ, 100 on every common platform). */
  private static final long MILLIS_PER_TICK = 10;

  private CompilerThreads() {}

  /** CPU ms the compiler threads of {@code pid} have used so far; 0 if it cannot be read. */
  static long cpuMillis(long pid) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return tasks.mapToLong(CompilerThreads::compilerTicks).sum() * MILLIS_PER_TICK;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** utime + stime of a compiler thread, 0 for any other thread or one that has ended. */
  private static long compilerTicks(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      int close = stat.lastIndexOf(')');
      String name = stat.substring(stat.indexOf('(') + 1, close);
      if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
        return 0;
      }
      // after "(name) ": state is field 3; utime and stime are fields 14 and 15
      String[] fields = stat.substring(close + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
