package com.channelexpansion.report.job;

import com.channelexpansion.report.CustomerMonths;
import com.channelexpansion.report.CustomersReport;
import com.channelexpansion.report.ReportParts;
import com.channelexpansion.report.RevenueMonthlyReport;
import com.channelexpansion.report.SummaryCsvWriter;
import com.channelexpansion.report.SummaryMetric;
import com.channelexpansion.commission.CommissionColumns;
import com.channelexpansion.commission.CommissionScenarios;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.pages.ExecutivePages;
import com.channelexpansion.pages.PageModel;
import com.channelexpansion.publish.SparkParquetWriter;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.ParallelJobs;
import com.channelexpansion.valuecase.ChannelStateTables;
import com.channelexpansion.valuecase.ValueCaseCsv;
import com.channelexpansion.valuecase.ValueCaseResult;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a report's outputs into its staging folder (Parquet tables by Spark's writer, each part
 * file sorted by the table's key columns) and remembers each table's part files for the manifest;
 * tells a listener as each output is staged (tests inject failures there).
 */
final class StagedOutputs {
  /** Sort keys of each Parquet output. */
  private static final Map<String, String[]> SORT_KEYS =
      Map.of(
          ReportJob.CUSTOMERS, new String[] {CustomersReport.CUSTOMER_ID},
          ReportJob.REVENUE_MONTHLY,
              new String[] {
                RevenueMonthlyReport.MONTH,
                RevenueMonthlyReport.REGION,
                RevenueMonthlyReport.SEGMENT,
                RevenueMonthlyReport.ORDER_CHANNEL
              },
          ReportJob.COMMISSIONS,
              new String[] {CommissionColumns.MONTH, CommissionColumns.REP_ID, CommissionColumns.PLAN_ID},
          ReportJob.TEAM_SUMMARY, new String[] {"team", "metric"},
          ReportJob.CHANNEL_STATES_MONTHLY, ChannelStateTables.MONTHLY_KEYS);

  private final FileSystem fs;
  private final Path folder;
  private final Consumer<String> afterEachOutput;
  /** The part files of each Parquet output written so far (tables are written in parallel). */
  private final Map<String, SparkParquetWriter.WrittenTable> tables = new ConcurrentSkipListMap<>();

  StagedOutputs(FileSystem fs, Path folder, Consumer<String> afterEachOutput) {
    this.fs = fs;
    this.folder = folder;
    this.afterEachOutput = afterEachOutput;
  }

  Path folder() {
    return folder;
  }

  /** Writes one Parquet output (a name of {@link #SORT_KEYS}) and returns its row count. */
  long writeTable(String name, Dataset<Row> table) throws IOException {
    SparkParquetWriter.WrittenTable written =
        SparkParquetWriter.write(table, new Path(folder, name), Columns.named(SORT_KEYS.get(name)));
    tables.put(name, written);
    afterEachOutput.accept(name);
    return written.rows();
  }

  /**
   * The part files of every Parquet output, by output name: each file's path relative to the
   * report's folder and its bytes.
   */
  Map<String, SortedMap<String, Long>> tableFiles() {
    Map<String, SortedMap<String, Long>> files = new TreeMap<>();
    tables.forEach(
        (name, written) -> {
          SortedMap<String, Long> relative = new TreeMap<>();
          written.files().forEach((file, bytes) -> relative.put(name + "/" + file, bytes));
          files.put(name, relative);
        });
    return files;
  }

  /** Submits the writes of the parts a later report starts from ({@link ReportState}). */
  List<Future<Long>> submitState(
      ParallelJobs jobs, ReportParts parts, Dataset<Row> terms, Dataset<Row> monthLines, UnaryOperator<String> stage) {
    Path state = new Path(folder, ReportState.FOLDER);
    return List.of(
        submitStatePart(jobs, stage, terms, new Path(state, ReportState.COMMISSION_TERMS),
            CommissionColumns.MONTH, CommissionColumns.REP_ID, CommissionColumns.PLAN_ID),
        submitStatePart(jobs, stage, parts.customerMonths(), new Path(state, ReportState.CUSTOMER_MONTHS),
            CustomerMonths.CUSTOMER_ID, CustomerMonths.MONTH),
        submitStatePart(jobs, stage, parts.splitOrderLines(), new Path(state, ReportState.SPLIT_ORDER_LINES),
            OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER),
        submitStatePart(jobs, stage, monthLines, new Path(state, ReportState.MONTH_LINES), ReportParts.MONTH),
        submitStatePart(jobs, stage, parts.unknownReps(), new Path(state, ReportState.UNKNOWN_REPS),
            ReportParts.MONTH, "rep_id", "role"));
  }

  private static Future<Long> submitStatePart(
      ParallelJobs jobs, UnaryOperator<String> stage, Dataset<Row> part, Path target, String... sortKeys) {
    return jobs.submit(
        stage.apply("write state " + target.getName()),
        () -> SparkParquetWriter.write(part, target, Columns.named(sortKeys)).rows());
  }

  /** Writes every CSV; returns their row counts by name. */
  Map<String, Long> writeCsvs(
      List<SummaryMetric> metrics,
      List<ChannelDefinition> definitions,
      CommissionScenarios.Table scenarios,
      ValueCaseResult valueCase)
      throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    writeCsv(ReportJob.EXECUTIVE_SUMMARY, out -> SummaryCsvWriter.writeExecutiveSummary(metrics, out));
    rows.put(ReportJob.EXECUTIVE_SUMMARY, (long) metrics.size());
    writeCsv(ReportJob.CHANNEL_DEFINITIONS, out -> SummaryCsvWriter.writeChannelDefinitions(definitions, out));
    rows.put(ReportJob.CHANNEL_DEFINITIONS, (long) definitions.size());
    writeCsv(
        ReportJob.COMMISSION_SCENARIOS,
        out -> SummaryCsvWriter.writeTable(scenarios.header(), scenarios.rows(), out));
    rows.put(ReportJob.COMMISSION_SCENARIOS, (long) scenarios.rows().size());
    writeCsv(ValueCaseCsv.TEAM_SUMMARY, out -> ValueCaseCsv.writeTeamSummary(valueCase.teamSummary(), out));
    rows.put(ValueCaseCsv.TEAM_SUMMARY, (long) valueCase.teamSummary().size());
    writeCsv(
        ValueCaseCsv.STATE_TRANSITIONS,
        out -> ValueCaseCsv.writeStateTransitions(valueCase.stateTransitions(), out));
    rows.put(ValueCaseCsv.STATE_TRANSITIONS, (long) valueCase.stateTransitions().size());
    writeCsv(
        ValueCaseCsv.PILOT_COMPARISON,
        out -> ValueCaseCsv.writePilotComparison(valueCase.pilotComparison(), out));
    rows.put(ValueCaseCsv.PILOT_COMPARISON, (long) valueCase.pilotComparison().size());
    return rows;
  }

  /** report.html and teams/*.html; returns the files written, relative to the folder. */
  List<String> writePages(PageModel company, List<PageModel> teams) throws IOException {
    List<String> written = ExecutivePages.write(company, teams, folder, fs);
    afterEachOutput.accept(ExecutivePages.COMPANY_PAGE);
    return written;
  }

  /** A writer of CSV content. */
  interface CsvContent {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes one CSV output of the report. */
  void writeCsv(String name, CsvContent content) throws IOException {
    try (Writer out = new OutputStreamWriter(fs.create(new Path(folder, name), false), StandardCharsets.UTF_8)) {
      content.writeTo(out);
    }
    afterEachOutput.accept(name);
  }
}
