package com.channelexpansion.report;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.commission.CommissionEngine;
import com.channelexpansion.commission.CommissionScenarios;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.ParallelJobs;
import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report's third stage: every output and the state a later report starts from, staged in the
 * run's folder. The tables and the summary's figures are independent, so their Spark jobs run
 * side by side ({@link ParallelJobs}); only small tables reach the driver.
 */
final class BuildStage {
  /**
   * What was staged.
   *
   * @param outputRows rows per output, by name
   * @param metrics executive_summary.csv's rows, in order
   * @param unknownRepWarnings rep_id, role, lines per unknown rep id (rule 10)
   */
  record Result(
      Map<String, Long> outputRows,
      List<SummaryMetric> metrics,
      SummaryMetric refundsNotNetted,
      CommissionScenarios.Table scenarios,
      List<Row> unknownRepWarnings,
      Map<String, Long> customersBySegment) {}

  private final SparkSession spark;
  private final ReportParts.Context context;
  private final StagedOutputs staged;
  private final UnaryOperator<String> stage;

  /** @param stage names a step's Spark jobs ({@code report as_of=...: step}) */
  BuildStage(SparkSession spark, ReportParts.Context context, StagedOutputs staged, UnaryOperator<String> stage) {
    this.spark = spark;
    this.context = context;
    this.staged = staged;
    this.stage = stage;
  }

  Result run(ReadStage.Result read, ClassifyStage.Result classified) throws IOException {
    JobDescriptions.relabel(spark, stage.apply("build commission terms"));
    ReportParts parts = classified.parts();
    ReportWindows windows = context.windows();
    Dataset<Row> customers = parts.customers(); // kept by ReportParts already
    // Small (rep x month x plan) and used four times: computed once.
    Dataset<Row> terms = context.persisted().keep(parts.commissionTerms());
    // Read by the summary's facts and by its commission metrics: kept once.
    Dataset<Row> yearEarlierLastMonth =
        context.persisted().keep(CountedLines.monthThrough(read.counted(), windows.yearEarlierEnd()));
    Dataset<Row> summaryFacts = context.persisted().keep(parts.summaryFacts(yearEarlierLastMonth, context));
    terms.count();
    Dataset<Row> refunds = read.warehouse().orderRefunds();
    Definitions definitions = context.definitions();
    Map<String, Future<Long>> tableRows = new LinkedHashMap<>();
    Future<List<SummaryMetric>> channelMetrics;
    Future<List<SummaryMetric>> commissionMetrics;
    Future<CommissionScenarios.Table> scenarioTable;
    Future<List<Row>> unknownReps;
    Future<Map<String, Long>> segments;
    Future<SummaryMetric> refundMetric;
    List<Future<Long>> stateRows;
    // Many small jobs on a short run: more of them in flight keeps both cores busy.
    try (ParallelJobs jobs = new ParallelJobs(spark, 6)) {
      tableRows.put(ReportJob.CUSTOMERS, submitTable(jobs, ReportJob.CUSTOMERS, customers));
      tableRows.put(ReportJob.REVENUE_MONTHLY, submitTable(jobs, ReportJob.REVENUE_MONTHLY, parts.revenueMonthly()));
      tableRows.put(ReportJob.COMMISSIONS, submitTable(jobs, ReportJob.COMMISSIONS, CommissionEngine.tableOf(terms)));
      channelMetrics =
          jobs.submit(stage.apply("summary channel metrics"), () -> ExecutiveSummary.fromCustomerFacts(summaryFacts));
      commissionMetrics =
          jobs.submit(
              stage.apply("summary commission metrics"),
              () ->
                  CommissionSummaryMetrics.of(
                      terms,
                      ReportParts.partialMonthTerms(
                          yearEarlierLastMonth, ReportParts.classifiedOf(customers), context),
                      definitions.commissionPlans(),
                      windows));
      scenarioTable =
          jobs.submit(
              stage.apply("write " + ReportJob.COMMISSION_SCENARIOS),
              () ->
                  CommissionScenarios.forPlans(
                      CommissionEngine.tableOf(terms),
                      context.reference().reps(),
                      definitions.commissionPlans(),
                      definitions.settings().baselinePlan(),
                      YearMonth.from(windows.ttmStart()),
                      YearMonth.from(windows.ttmEnd())));
      unknownReps =
          jobs.submit(stage.apply("unknown-rep warnings"), () -> parts.unknownRepWarnings().collectAsList());
      segments = jobs.submit(stage.apply("customers by segment"), () -> customersBySegment(customers));
      refundMetric =
          jobs.submit(stage.apply("summary refunds not netted"), () -> RefundsNotNetted.of(refunds, windows));
      stateRows = staged.submitState(jobs, parts, terms, classified.monthLines(), stage);
      jobs.awaitAll();
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    tableRows.forEach((name, written) -> rows.put(name, ParallelJobs.result(written)));
    stateRows.forEach(ParallelJobs::result);
    SummaryMetric refundsNotNetted = ParallelJobs.result(refundMetric);
    List<SummaryMetric> metrics =
        ExecutiveSummary.inCsvOrder(
            ParallelJobs.result(channelMetrics), ParallelJobs.result(commissionMetrics), refundsNotNetted);
    CommissionScenarios.Table scenarios = ParallelJobs.result(scenarioTable);
    rows.putAll(staged.writeCsvs(metrics, definitions.channelDefinitions(), scenarios));
    return new Result(
        rows, metrics, refundsNotNetted, scenarios, ParallelJobs.result(unknownReps), ParallelJobs.result(segments));
  }

  private Future<Long> submitTable(ParallelJobs jobs, String name, Dataset<Row> table) {
    return jobs.submit(stage.apply("write " + name), () -> staged.writeTable(name, table));
  }

  private static Map<String, Long> customersBySegment(Dataset<Row> customers) {
    Map<String, Long> bySegment = new TreeMap<>();
    for (Row row : customers.groupBy(CustomersReport.SEGMENT).count().collectAsList()) {
      bySegment.put(row.getString(0), row.getLong(1));
    }
    return bySegment;
  }
}
