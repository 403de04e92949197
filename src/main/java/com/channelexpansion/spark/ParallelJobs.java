package com.channelexpansion.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;

/**
 * Submits independent Spark actions from several driver threads, so small jobs overlap instead of
 * queueing: a short run is dominated by per-job latency (planning, code generation, scheduling),
 * not by the cores. {@link #awaitAll} waits for every task, even after one fails, so no task is
 * still writing when the caller cleans up; then it rethrows the first failure as it was thrown.
 * Each task names its Spark jobs ({@link JobDescriptions}) on the pool thread it runs on: Spark's
 * job description is thread-local, and a pool thread would otherwise show whatever it inherited.
 */
public final class ParallelJobs implements AutoCloseable {
  private final SparkSession spark;
  private final ExecutorService pool;
  private final List<Future<?>> submitted = new ArrayList<>();

  public ParallelJobs(SparkSession spark, int threads) {
    this.spark = spark;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "report-job");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code task} on a pool thread, its Spark jobs described as {@code description}. */
  public <T> Future<T> submit(String description, Callable<T> task) {
    Future<T> future =
        pool.submit(
            () -> {
              try (JobDescriptions.Scope scope = JobDescriptions.describe(spark, description)) {
                return task.call();
              }
            });
    submitted.add(future);
    return future;
  }

  /** Waits for every task; rethrows the first failure (unchecked, or IOException). */
  public void awaitAll() throws IOException {
    Throwable first = null;
    for (Future<?> future : submitted) {
      try {
        future.get();
      } catch (ExecutionException e) {
        first = first == null ? e.getCause() : first;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        first = first == null ? e : first;
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    if (first != null) {
      throw new IllegalStateException("Cannot finish a report step: " + first, first);
    }
  }

  /** The result of a task that {@link #awaitAll} saw succeed. */
  public static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("Cannot read a task's result after awaitAll", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
