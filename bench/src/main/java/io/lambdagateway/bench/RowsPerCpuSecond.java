package io.lambdagateway.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.ResponseForm;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A companion to the JMH benchmark for shared, loaded machines: it divides the work done by the CPU
 * time actually received (not by wall time), so other processes competing for the cores distort it
 * far less. By default it runs the same 1 MB demo batch as {@code EnricherBenchmark}; the first
 * {@value #WARM_UP_ROUNDS} rounds are warm-up and left out of the summary.
 *
 * <p>Two CPU clocks are reported: the measuring thread's ({@code rows/thread-cpu-s}: the enricher's
 * own work on one core) and the whole process's ({@code rows/process-cpu-s}: that work plus garbage
 * collection and JIT compilation on any core, the stricter figure). Each round also gives the bytes
 * the measuring thread allocated per batch.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.lambdagateway.bench.RowsPerCpuSecond
 * [rounds] [cpu-seconds-per-round] [compact|full] [batch-bytes]} (defaults 8, 3, compact (the
 * answer's form) and 1000000).
 */
public final class RowsPerCpuSecond {

  private static final int WARM_UP_ROUNDS = 2;

  private RowsPerCpuSecond() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    ResponseForm form = EnricherConfig.parseOutput(args.length > 2 ? args[2] : "compact");
    Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false, form));
    int batchBytes = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    DemoBatches.Batch batch = new DemoBatches(42).ofSize(batchBytes);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean process =
        ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    long budget = (long) (seconds * 1e9);
    double[] threadRates = new double[Math.max(rounds - WARM_UP_ROUNDS, 0)];
    double[] processRates = new double[threadRates.length];
    int answerBytes = enricher.transform(batch.json()).length;
    System.out.printf(
        "batch: %d records, %d rows, %d request bytes; %s answer: %d bytes, %.0f per row%n",
        batch.records(),
        batch.rows(),
        batch.json().length,
        form.wireName(),
        answerBytes,
        (double) answerBytes / batch.rows());
    for (int round = 1; round <= rounds; round++) {
      long threadStart = threads.getCurrentThreadCpuTime();
      long allocatedStart = threads.getCurrentThreadAllocatedBytes();
      long processStart = process.getProcessCpuTime();
      long wallStart = System.nanoTime();
      long batches = 0;
      long responseBytes = 0;
      while (threads.getCurrentThreadCpuTime() - threadStart < budget) {
        responseBytes += enricher.transform(batch.json()).length;
        batches++;
      }
      double threadCpu = (threads.getCurrentThreadCpuTime() - threadStart) / 1e9;
      long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedStart;
      double processCpu = (process.getProcessCpuTime() - processStart) / 1e9;
      double wall = (System.nanoTime() - wallStart) / 1e9;
      long rows = batches * batch.rows();
      System.out.printf(
          "round %d: %,.0f rows/thread-cpu-s, %,.0f rows/process-cpu-s, "
              + "%,.0f records/thread-cpu-s, %.1f MB/thread-cpu-s in, %.1f MB/thread-cpu-s out "
              + "(wall: %,.0f rows/s), %,d bytes allocated per batch%n",
          round,
          rows / threadCpu,
          rows / processCpu,
          batches * batch.records() / threadCpu,
          batches * batch.json().length / threadCpu / 1e6,
          responseBytes / threadCpu / 1e6,
          rows / wall,
          allocated / batches);
      if (round > WARM_UP_ROUNDS) {
        threadRates[round - WARM_UP_ROUNDS - 1] = rows / threadCpu;
        processRates[round - WARM_UP_ROUNDS - 1] = rows / processCpu;
      }
    }
    summarize("rows/thread-cpu-s", threadRates);
    summarize("rows/process-cpu-s", processRates);
  }

  private static void summarize(String unit, double[] rates) {
    if (rates.length == 0) {
      return;
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "after warm-up, %s: min %,.0f, median %,.0f, max %,.0f%n",
        unit, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
  }
}
