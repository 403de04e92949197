package com.channelexpansion.ingest;

import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.warehouse.WarehouseLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What every stage of one ingest run shares: the job's session, the warehouse and its file system,
 * and the run's id, which names its batch, its staging folder and its Spark jobs.
 */
record IngestRun(
    SparkSession spark, Configuration conf, FileSystem fs, WarehouseLayout warehouse, String runId) {

  /** This run's staging folder, outside the published tree. */
  Path staging() {
    return warehouse.staging(runId);
  }

  /** Where the journal puts what a move of this run replaces. */
  Path aside(String name) {
    return warehouse.aside(runId, name);
  }

  /** The name of this run's Spark jobs in a step: the Spark UI reads as the step list. */
  String stage(String step) {
    return "ingest run=" + runId + ": " + step;
  }

  /** Names the Spark jobs this thread runs from now on after {@code step}. */
  void describe(String step) {
    JobDescriptions.relabel(spark, stage(step));
  }
}
