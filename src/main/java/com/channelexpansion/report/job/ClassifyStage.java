package com.channelexpansion.report.job;

import com.channelexpansion.report.ReportParts;
import com.channelexpansion.report.ShortHistory;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.SparkSessions;
import java.io.IOException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report's second stage: segments, acquisition channels and every per-month part, either
 * from every counted line or, when an earlier report was computed from the same definitions and
 * the warehouse has only merged lines in since, from that report with the changed customers and
 * months redone ({@link ReportParts#update}).
 */
final class ClassifyStage {
  /** About what a night's update recomputes (a month's lines): sizes its shuffles. */
  private static final long NIGHT_ROWS = 200_000L;

  /**
   * @param parts the report's parts on as-of
   * @param computedFrom "every line", or the earlier report it was updated from
   * @param countedLines counted lines through as-of
   * @param shortHistory the program_start warning, when the history is too short
   * @param fingerprint what the parts depend on besides the lines ({@link ReportState})
   */
  record Result(
      ReportParts parts,
      Dataset<Row> monthLines,
      String computedFrom,
      long countedLines,
      Optional<ShortHistory> shortHistory,
      String fingerprint) {}

  private ClassifyStage() {}

  static Result run(
      SparkSession spark,
      ReadStage.Result read,
      ReportParts.Context context,
      FileSystem reportsFs,
      Path reportsRoot,
      String stagePrefix)
      throws IOException {
    String fingerprint = ReportState.fingerprint(context.definitions(), context.reference());
    Optional<ReportState.Base> base =
        ReportState.findBase(reportsFs, reportsRoot, context.asOf(), fingerprint, read.warehouse().version());
    ReportParts parts;
    String how;
    if (base.isPresent()) {
      ReportState.Base from = base.get();
      JobDescriptions.relabel(spark, stagePrefix + "classify changed months since as_of=" + from.asOf());
      // A month's lines at most: a short history is small data (SparkSessions#sizeShufflesFor).
      SparkSessions.sizeShufflesFor(
          spark, Math.min(NIGHT_ROWS, read.warehouse().version().acceptedVersions()));
      // Kept: the change feed is read once (the update looks at the changed pairs several times).
      Dataset<Row> changes =
          context.persisted().keep(read.warehouse().changesSince(from.state().orderLinesVersion()));
      parts = ReportParts.update(from.parts(spark), from.asOf(), read.counted(), changes, context);
      long versions = read.warehouse().version().orderLinesVersion() - from.state().orderLinesVersion();
      how =
          String.format(
              "as_of=%s and the changes of %d order_lines version%s since",
              from.asOf(), versions, versions == 1 ? "" : "s");
    } else {
      SparkSessions.sizeShufflesFor(spark, read.warehouse().version().acceptedVersions());
      JobDescriptions.relabel(spark, stagePrefix + "classify every month");
      parts = ReportParts.full(read.counted(), read.months(), context);
      how = "every line";
    }
    Dataset<Row> monthLines = context.persisted().keep(parts.monthLines());
    long countedLines = 0;
    SortedSet<String> monthsWithLines = new TreeSet<>();
    for (Row row : monthLines.collectAsList()) {
      countedLines += row.getLong(1);
      monthsWithLines.add(row.getString(0));
    }
    Optional<ShortHistory> shortHistory =
        ShortHistory.warnIfAny(
            read.counted(), monthsWithLines, context.definitions().settings().programStart());
    return new Result(parts, monthLines, how, countedLines, shortHistory, fingerprint);
  }
}
