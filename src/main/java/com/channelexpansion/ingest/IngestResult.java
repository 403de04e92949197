package com.channelexpansion.ingest;

import java.util.List;
import java.util.Map;

/**
 * The counts of one ingest run.
 *
 * @param files per-file reconciliation of the files this run read, in file order
 * @param filesUnchanged export files skipped because the warehouse already holds their bytes
 * @param duplicateDeliveries files skipped because another path with the same bytes is ingested
 * @param headerlessFiles files skipped because they hold no header at all
 * @param duplicatesDropped accepted versions in the warehouse that lost to a later version
 * @param orderLines rows of order_lines/ after this run
 * @param orderLinesVersion the version of order_lines (Delta) after this run, which its ledger
 *     vouches for
 * @param published whether this run changed the warehouse (false when nothing was new)
 * @param secondsByStep wall seconds of each step, in step order
 * @param warnings links not followed, files that could not be read, lines re-deliveries removed
 */
public record IngestResult(
    String runId,
    List<FileReconciliation> files,
    int filesUnchanged,
    List<String> duplicateDeliveries,
    List<String> headerlessFiles,
    long duplicatesDropped,
    long orderLines,
    long orderLinesVersion,
    boolean published,
    Map<String, Double> secondsByStep,
    IngestWarnings warnings) {

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
