package com.channelexpansion.warehouse;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where everything lives under --warehouse. Published tables sit at the top; folders starting
 * with {@code _} are the job's own (Spark, DuckDB and pandas skip them when reading a folder).
 */
public final class WarehouseLayout {
  private final Path root;

  public WarehouseLayout(String root) {
    this.root = new Path(root);
  }

  public Path root() {
    return root;
  }

  public FileSystem fileSystem(Configuration conf) throws IOException {
    return root.getFileSystem(conf);
  }

  /** The winning version of every accepted order line. */
  public Path orderLines() {
    return new Path(root, "order_lines");
  }

  /** The refunds exports hold only as order totals, one row per order (not netted). */
  public Path orderRefunds() {
    return new Path(root, "order_refunds");
  }

  /** Every rejected row of the last ingest, with its reason. */
  public Path rejects() {
    return new Path(root, "rejects");
  }

  /** The last successful ingest's manifest (reconciliation per file). */
  public Path ingestManifest() {
    return new Path(root, "ingest_manifest.json");
  }

  /** Every version of every line each ingested file brought, one {@code batch=<run-id>} per run. */
  public Path versions() {
    return new Path(root, "_versions");
  }

  /** The versions one run read. */
  public Path batch(String runId) {
    return new Path(versions(), "batch=" + runId);
  }

  /** Which batch stands for each ingested export file. */
  public Path ledger() {
    return new Path(root, "_state/ledger.json");
  }

  /** Committed publish journals not yet completed (see PublishJournal). */
  public Path journal() {
    return new Path(root, "_journal");
  }

  /** The lock file's folder: the warehouse root. */
  public Path stagingRoot() {
    return new Path(root, "_staging");
  }

  /** Where a run writes before anything is published. */
  public Path staging(String runId) {
    return new Path(root, "_staging/" + runId);
  }

  /** Where replaced tables wait until their successors are in place; dropped once they are. */
  public Path asideRoot() {
    return new Path(root, "_replaced");
  }

  /** Where a replaced table waits until its successor is in place. */
  public Path aside(String runId, String name) {
    return new Path(asideRoot(), runId + "/" + name);
  }

  /** The rejected rows of a run that failed the data-quality gate. */
  public Path failedRunRejects(String runId) {
    return new Path(root, "failed-runs/" + runId + "/rejects");
  }
}
