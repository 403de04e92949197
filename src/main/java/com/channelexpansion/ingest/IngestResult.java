package com.channelexpansion.ingest;

import java.util.List;
import java.util.Map;

/**
 * The counts of one ingest run.
 *
 * @param files per-file reconciliation, in file order
 * @param headerlessFiles files skipped because they hold no header at all
 * @param duplicatesDropped accepted rows that lost to a later version of the same line
 * @param orderLines rows written to order_lines/
 * @param secondsByStep wall seconds of each step, in step order
 */
public record IngestResult(
    String runId,
    List<FileReconciliation> files,
    List<String> headerlessFiles,
    long duplicatesDropped,
    long orderLines,
    Map<String, Double> secondsByStep) {

  public long rowsRead() {
    return files.stream().mapToLong(FileReconciliation::rowsRead).sum();
  }

  public long rowsAccepted() {
    return files.stream().mapToLong(FileReconciliation::rowsAccepted).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileReconciliation::rowsRejected).sum();
  }
}
