package io.lambdagateway.bench;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A companion to the JMH benchmark for shared, loaded machines: it divides the work done by the
 * CPU time the measuring thread actually got (not by wall time), so other processes competing
 * for the cores distort it far less. It runs the same 1 MB demo batch as {@code
 * EnricherBenchmark}; the first rounds are warm-up.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.lambdagateway.bench.RowsPerCpuSecond
 * [rounds] [cpu-seconds-per-round]} (defaults 8 and 3).
 */
public final class RowsPerCpuSecond {

  private RowsPerCpuSecond() {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));
    DemoBatches.Batch batch = new DemoBatches(42).ofSize(1_000_000);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long budget = (long) (seconds * 1e9);
    System.out.printf("batch: %d records, %d rows, %d request bytes%n",
        batch.records(), batch.rows(), batch.json().length);
    for (int round = 1; round <= rounds; round++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      long batches = 0;
      long responseBytes = 0;
      while (threads.getCurrentThreadCpuTime() - cpuStart < budget) {
        responseBytes += enricher.transform(batch.json()).length;
        batches++;
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double wall = (System.nanoTime() - wallStart) / 1e9;
      System.out.printf("round %d: %,.0f rows/cpu-s, %,.0f records/cpu-s, %.1f MB/cpu-s in, "
              + "%.1f MB/cpu-s out (wall: %,.0f rows/s)%n", round,
          batches * batch.rows() / cpu, batches * batch.records() / cpu,
          batches * batch.json().length / cpu / 1e6, responseBytes / cpu / 1e6,
          batches * batch.rows() / wall);
    }
  }
}
