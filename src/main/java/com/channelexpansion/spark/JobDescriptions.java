package com.channelexpansion.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Names the Spark jobs a block of code runs, so the Spark UI's job list and the event log read as
 * the run's steps ({@code "ingest: validate 3 files"}, {@code "report as_of=2026-10-31: write
 * customers"}), in the manner of Iceberg's {@code JobGroupUtils}/{@code withJobGroupInfo}.
 *
 * <pre>{@code
 * try (JobDescriptions.Scope scope = JobDescriptions.describe(spark, "report: classify")) {
 *   ... Spark actions ...
 * }
 * }</pre>
 *
 * <p>Spark keeps the description in thread-local properties: a task submitted to another thread
 * ({@link ParallelJobs}) sets its own. Closing the scope restores what the thread had before, so
 * scopes nest and a caller's own job group survives the job.
 */
public final class JobDescriptions {
  static final String GROUP = "spark.jobGroup.id";
  static final String DESCRIPTION = "spark.job.description";
  static final String INTERRUPT = "spark.job.interruptOnCancel";
  /** The job group of every job this application runs: cancel it to stop a run. */
  static final String GROUP_ID = "channel-expansion";

  private JobDescriptions() {}

  /** Describes the Spark jobs this thread runs until the scope is closed. */
  public static Scope describe(SparkSession spark, String description) {
    SparkContext context = spark.sparkContext();
    Scope scope =
        new Scope(
            context,
            context.getLocalProperty(GROUP),
            context.getLocalProperty(DESCRIPTION),
            context.getLocalProperty(INTERRUPT));
    context.setJobGroup(GROUP_ID, description, false);
    return scope;
  }

  /**
   * Names the Spark jobs this thread runs from now on, within the innermost open scope (which
   * restores the earlier name on close): for a method that moves from one step to the next.
   */
  public static void relabel(SparkSession spark, String description) {
    spark.sparkContext().setJobDescription(description);
  }

  /** The description this thread had before; restored on close. */
  public static final class Scope implements AutoCloseable {
    private final SparkContext context;
    private final String group;
    private final String description;
    private final String interrupt;

    private Scope(SparkContext context, String group, String description, String interrupt) {
      this.context = context;
      this.group = group;
      this.description = description;
      this.interrupt = interrupt;
    }

    @Override
    public void close() {
      context.setLocalProperty(GROUP, group);
      context.setLocalProperty(DESCRIPTION, description);
      context.setLocalProperty(INTERRUPT, interrupt);
    }
  }
}
