package com.channelexpansion.publish;

import com.channelexpansion.ingest.FileReconciliation;
import com.channelexpansion.ingest.IngestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ingest part of a manifest: inputs with checksums and the reconciliation of every row. */
public final class IngestManifest {
  private IngestManifest() {}

  public static Map<String, Object> of(IngestResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", result.runId());
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("read", result.rowsRead());
    rows.put("accepted", result.rowsAccepted());
    rows.put("rejected", result.rowsRejected());
    rows.put("rejected_by_reason", FileReconciliation.totalByReason(result.files()));
    rows.put("duplicates_dropped", result.duplicatesDropped());
    rows.put("order_lines", result.orderLines());
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
      inputs.add(entry);
    }
    doc.put("inputs", inputs);
    Map<String, Object> warnings = new LinkedHashMap<>();
    warnings.put("files_without_header", result.headerlessFiles());
    doc.put("warnings", warnings);
    doc.put("seconds_by_step", result.secondsByStep());
    return doc;
  }
}
