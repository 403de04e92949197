package com.channelexpansion.publish;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Where reports live under --reports: one folder per as-of date, {@code as_of=YYYY-MM-DD/},
 * published whole with {@code _SUCCESS} last. Folders starting with {@code _} are the job's own.
 */
public final class ReportsLayout {
  public static final String SUCCESS_MARKER = "_SUCCESS";

  private final Path root;

  public ReportsLayout(String root) {
    this.root = new Path(root);
  }

  public Path root() {
    return root;
  }

  public Path published(LocalDate asOf) {
    return new Path(root, folderName(asOf));
  }

  public Path staging(String runId, LocalDate asOf) {
    return new Path(root, "_staging/" + runId + "/" + folderName(asOf));
  }

  public Path aside(String runId, LocalDate asOf) {
    return new Path(asideRun(runId), folderName(asOf));
  }

  /** Committed publish journals not yet completed (see PublishJournal). */
  public Path journal() {
    return new Path(root, "_journal");
  }

  public Path stagingRoot() {
    return new Path(root, "_staging");
  }

  public Path stagingRun(String runId) {
    return new Path(root, "_staging/" + runId);
  }

  public Path asideRun(String runId) {
    return new Path(asideRoot(), runId);
  }

  /** Where replaced report folders wait until their successors are in place. */
  public Path asideRoot() {
    return new Path(root, "_replaced");
  }

  private static String folderName(LocalDate asOf) {
    return "as_of=" + asOf;
  }
}
