package com.channelexpansion.report.job;

import com.channelexpansion.report.CommissionSummaryMetrics;
import com.channelexpansion.report.CustomersReport;
import com.channelexpansion.report.ExecutiveSummary;
import com.channelexpansion.report.RefundsNotNetted;
import com.channelexpansion.report.ReportParts;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.report.SummaryMetric;
import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.commission.CommissionEngine;
import com.channelexpansion.commission.CommissionScenarios;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.ParallelJobs;
import com.channelexpansion.valuecase.ValueCaseReport;
import com.channelexpansion.valuecase.ValueCaseResult;
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
   * @param pages the executive pages written, relative to the report's folder
   * @param metrics executive_summary.csv's rows, in order
   * @param unknownRepWarnings rep_id, role, lines per unknown rep id (rule 10)
   */
  record Result(
      Map<String, Long> outputRows,
      List<String> pages,
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

  /** What every output is computed from, cached where several outputs read it. */
  private record Inputs(
      ReportParts parts,
      Dataset<Row> counted,
      Dataset<Row> terms,
      Dataset<Row> summaryFacts,
      Dataset<Row> yearEarlierLastMonthTerms,
      Dataset<Row> refunds,
      Dataset<Row> monthLines) {}

  /** The outputs in flight. */
  private record Submitted(
      Future<Map<String, Long>> valueCaseTables,
      Future<ValueCaseResult> valueCase,
      Map<String, Future<Long>> tables,
      Future<List<SummaryMetric>> channelMetrics,
      Future<List<SummaryMetric>> commissionMetrics,
      Future<CommissionScenarios.Table> scenarios,
      Future<List<Row>> unknownReps,
      Future<Map<String, Long>> segments,
      Future<SummaryMetric> refunds,
      List<Future<Long>> state) {}

  Result run(ReadStage.Result read, ClassifyStage.Result classified) throws IOException {
    JobDescriptions.relabel(spark, stage.apply("build commission terms"));
    Inputs inputs = inputs(read, classified);
    Submitted submitted;
    // Many small jobs on a short run: more of them in flight keeps both cores busy.
    try (ParallelJobs jobs = new ParallelJobs(spark, 6)) {
      submitted = submit(jobs, inputs);
      jobs.awaitAll();
    }
    Map<String, Long> valueCaseRows = ParallelJobs.result(submitted.valueCaseTables());
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(ReportJob.CUSTOMERS, valueCaseRows.remove(ReportJob.CUSTOMERS));
    submitted.tables().forEach((name, written) -> rows.put(name, ParallelJobs.result(written)));
    rows.putAll(valueCaseRows);
    submitted.state().forEach(ParallelJobs::result);
    SummaryMetric refundsNotNetted = ParallelJobs.result(submitted.refunds());
    List<SummaryMetric> metrics =
        ExecutiveSummary.inCsvOrder(
            ParallelJobs.result(submitted.channelMetrics()),
            ParallelJobs.result(submitted.commissionMetrics()),
            refundsNotNetted);
    CommissionScenarios.Table scenarios = ParallelJobs.result(submitted.scenarios());
    ValueCaseResult valueCase = ParallelJobs.result(submitted.valueCase());
    rows.putAll(staged.writeCsvs(metrics, context.definitions().channelDefinitions(), scenarios, valueCase));
    JobDescriptions.relabel(spark, stage.apply("write executive pages"));
    ExecutivePageModels pages = new ExecutivePageModels(context.definitions(), context.reference(), context.asOf());
    List<String> pageFiles =
        staged.writePages(
            pages.company(metrics, inputs.parts().revenueMonthly(), inputs.parts().customers(), scenarios, valueCase),
            pages.teams(scenarios, valueCase));
    return new Result(
        rows,
        pageFiles,
        metrics,
        refundsNotNetted,
        scenarios,
        ParallelJobs.result(submitted.unknownReps()),
        ParallelJobs.result(submitted.segments()));
  }

  private Inputs inputs(ReadStage.Result read, ClassifyStage.Result classified) throws IOException {
    ReportParts parts = classified.parts();
    ReportWindows windows = context.windows();
    // Small (rep x month x plan) and read by several outputs: computed once.
    Dataset<Row> terms = context.persisted().keep(parts.commissionTerms());
    // Read by the summary's facts and by its commission metrics: kept once.
    Dataset<Row> yearEarlierLastMonth =
        context.persisted().keep(CountedLines.monthThrough(read.counted(), windows.yearEarlierEnd()));
    Dataset<Row> yearEarlierLastMonthTerms =
        context.persisted().keep(
            ReportParts.partialMonthTerms(
                yearEarlierLastMonth, ReportParts.classifiedOf(parts.customers()), context));
    terms.count();
    return new Inputs(
        parts,
        read.counted(),
        terms,
        context.persisted().keep(parts.summaryFacts(yearEarlierLastMonth, context)),
        yearEarlierLastMonthTerms,
        read.warehouse().orderRefunds(),
        classified.monthLines());
  }

  private Submitted submit(ParallelJobs jobs, Inputs in) {
    ReportWindows windows = context.windows();
    Definitions definitions = context.definitions();
    Dataset<Row> customers = in.parts().customers(); // kept by ReportParts already
    Dataset<Row> commissions = CommissionEngine.tableOf(in.terms());
    Future<ValueCaseResult> valueCase =
        jobs.submit(
            stage.apply("value case"),
            () ->
                ValueCaseReport.build(
                    in.counted(), customers, commissions, in.yearEarlierLastMonthTerms(),
                    definitions, context.reference(), context.asOf(), context.persisted()));
    Map<String, Future<Long>> tables = new LinkedHashMap<>();
    tables.put(ReportJob.REVENUE_MONTHLY, submitTable(jobs, ReportJob.REVENUE_MONTHLY, in.parts().revenueMonthly()));
    tables.put(ReportJob.COMMISSIONS, submitTable(jobs, ReportJob.COMMISSIONS, commissions));
    return new Submitted(
        // customers/ carries the channel states: written once the value case is computed.
        jobs.submit(stage.apply("write value case tables"), () -> writeValueCaseTables(customers, valueCase)),
        valueCase,
        tables,
        jobs.submit(
            stage.apply("summary channel metrics"), () -> ExecutiveSummary.fromCustomerFacts(in.summaryFacts())),
        jobs.submit(
            stage.apply("summary commission metrics"),
            () ->
                CommissionSummaryMetrics.of(
                    in.terms(), in.yearEarlierLastMonthTerms(), definitions.commissionPlans(), windows)),
        jobs.submit(
            stage.apply("write " + ReportJob.COMMISSION_SCENARIOS),
            () ->
                CommissionScenarios.forPlans(
                    commissions,
                    context.reference().reps(),
                    definitions.commissionPlans(),
                    definitions.settings().baselinePlan(),
                    YearMonth.from(windows.ttmStart()),
                    YearMonth.from(windows.ttmEnd()))),
        jobs.submit(stage.apply("unknown-rep warnings"), () -> in.parts().unknownRepWarnings().collectAsList()),
        jobs.submit(stage.apply("customers by segment"), () -> customersBySegment(customers)),
        jobs.submit(stage.apply("summary refunds not netted"), () -> RefundsNotNetted.of(in.refunds(), windows)),
        staged.submitState(jobs, in.parts(), in.terms(), in.monthLines(), stage));
  }

  /** customers/ with its channel states, team_summary/ and channel_states_monthly/. */
  private Map<String, Long> writeValueCaseTables(Dataset<Row> customers, Future<ValueCaseResult> valueCase)
      throws IOException {
    ValueCaseResult result = ParallelJobs.result(valueCase);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(ReportJob.CUSTOMERS, staged.writeTable(ReportJob.CUSTOMERS, result.withChannelStates(customers)));
    rows.put(ReportJob.TEAM_SUMMARY, staged.writeTable(ReportJob.TEAM_SUMMARY, result.teamSummaryTable(spark)));
    rows.put(
        ReportJob.CHANNEL_STATES_MONTHLY,
        staged.writeTable(ReportJob.CHANNEL_STATES_MONTHLY, result.channelStatesMonthly()));
    return rows;
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
