package com.channelexpansion.report.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.sql.Row;

/**
 * The report part of manifest.json: as-of, output row counts, the part files of each Parquet
 * output, warnings and timings.
 */
final class ReportManifest {
  private ReportManifest() {}

  /**
   * @param unknownRepWarnings rows of RepCrediting.totalWarnings: rep_id, role, lines
   * @param tableFiles each Parquet output's part files (path relative to the report's folder,
   *     bytes), by output name
   */
  static Map<String, Object> of(
      ReportResult result, List<Row> unknownRepWarnings, Map<String, SortedMap<String, Long>> tableFiles) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("as_of", result.asOf().toString());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("computed_from", result.computedFrom());
    report.put("counted_lines", result.countedLines());
    report.put("customers_by_segment", result.customersBySegment());
    report.put("net_revenue_ttm", result.netRevenueTtm() == null ? null : result.netRevenueTtm().toPlainString());
    report.put("output_rows", result.outputRows());
    report.put("output_files", outputFiles(tableFiles));
    report.put("pages", result.pages());
    Map<String, Object> refunds = new LinkedHashMap<>();
    refunds.put("ttm", result.refundsNotNetted().ttm().toPlainString());
    refunds.put("year_earlier", result.refundsNotNetted().yearEarlier().toPlainString());
    report.put("refunds_not_netted", refunds);
    List<Map<String, Object>> unknownReps = new ArrayList<>();
    for (Row row : unknownRepWarnings) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rep_id", row.getString(0));
      entry.put("role", row.getString(1));
      entry.put("lines", row.getLong(2));
      unknownReps.add(entry);
    }
    Map<String, Object> warnings = new LinkedHashMap<>();
    warnings.put("unknown_rep_lines", result.unknownRepLines());
    warnings.put("unknown_rep_ids", unknownReps);
    warnings.put(
        "short_history", result.shortHistory() == null ? null : result.shortHistory().toManifest());
    report.put("warnings", warnings);
    report.put("seconds_by_step", result.secondsByStep());
    doc.put("report", report);
    return doc;
  }

  /**
   * The files that make up each published table: Spark names them anew each run, so a reader of
   * an object store takes this list, not a listing, as the published version.
   */
  private static Map<String, Object> outputFiles(Map<String, SortedMap<String, Long>> tableFiles) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    tableFiles.forEach(
        (table, files) -> {
          List<Map<String, Object>> entries = new ArrayList<>();
          files.forEach(
              (path, bytes) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", path);
                entry.put("bytes", bytes);
                entries.add(entry);
              });
          outputs.put(table, entries);
        });
    return outputs;
  }
}
