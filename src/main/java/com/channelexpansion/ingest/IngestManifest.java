package com.channelexpansion.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest part of a manifest: the files this run read, with checksums, and the reconciliation
 * of every row they held (read = accepted + rejected, per file and by reason), and its warnings:
 * files skipped (no header, delivered twice, symbolic links, unreadable) and the lines that
 * re-delivered files removed from order_lines ({@code removed_lines}: number and signed amount).
 */
public final class IngestManifest {
  private IngestManifest() {}

  public static Map<String, Object> of(IngestResult result, Map<String, Object> versions) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", result.runId());
    doc.put("changed_warehouse", result.published());
    doc.put("order_lines_version", result.orderLinesVersion());
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("read", result.rowsRead());
    rows.put("accepted", result.rowsAccepted());
    rows.put("rejected", result.rowsRejected());
    rows.put("rejected_by_reason", FileReconciliation.totalByReason(result.files()));
    rows.put("duplicates_dropped_in_warehouse", result.duplicatesDropped());
    rows.put("order_lines_in_warehouse", result.orderLines());
    doc.put("rows", rows);
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (FileReconciliation file : result.files()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", file.sourceFile());
      entry.put("bytes", file.sizeBytes());
      entry.put("sha256", file.sha256());
      entry.put("rows_read", file.rowsRead());
      entry.put("rows_accepted", file.rowsAccepted());
      entry.put("rows_rejected", file.rowsRejected());
      entry.put("rejected_by_reason", file.rejectedByReason());
      entry.put("orders_with_surcharge", file.surchargedOrders());
      inputs.add(entry);
    }
    doc.put("inputs", inputs);
    doc.put("files_unchanged", result.filesUnchanged());
    Map<String, Object> warnings = new LinkedHashMap<>();
    warnings.put("files_without_header", result.headerlessFiles());
    warnings.put("duplicate_deliveries", result.duplicateDeliveries());
    warnings.put(
        "orders_with_surcharge",
        result.files().stream().mapToLong(FileReconciliation::surchargedOrders).sum());
    warnings.put("symbolic_links", result.warnings().symbolicLinks());
    warnings.put("unreadable_files", result.warnings().unreadableFiles());
    RemovedLines removed = result.warnings().removedLines();
    Map<String, Object> removedLines = new LinkedHashMap<>();
    removedLines.put("lines", removed.lines());
    removedLines.put("amount", removed.amount());
    removedLines.put("redelivered_files", removed.files());
    warnings.put("removed_lines", removedLines);
    doc.put("warnings", warnings);
    doc.put("seconds_by_step", result.secondsByStep());
    doc.put("versions", versions);
    return doc;
  }
}
