package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.commission.CommissionColumns;
import com.channelexpansion.commission.CommissionEngine;
import com.channelexpansion.commission.CommissionScenarios;
import com.channelexpansion.commission.PlanRowMatcher;
import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.DefinitionsFingerprint;
import com.channelexpansion.ingest.IngestLedger;
import com.channelexpansion.ingest.OrderLinesTable;
import com.channelexpansion.ingest.OrderRefundsTable;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.CrashPoints;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.publish.ParquetTableWriter;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.ParallelJobs;
import com.channelexpansion.spark.PersistedDatasets;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Report: turns the warehouse's order lines into the channel-expansion tables for one as-of date
 * (PRODUCT.md rules 7-11, Outputs): customers/, revenue_monthly/, commissions/ (Parquet),
 * executive_summary.csv, channel_definitions.csv, commission_scenarios.csv and manifest.json.
 *
 * <p>Everything is written to a staging folder outside the published tree, {@code _SUCCESS}
 * last, and the folder is then renamed into {@code as_of=YYYY-MM-DD/} through a {@link PublishJournal}: a reader sees the previous
 * folder or the complete new one, never a part. Lines are credited again with the reference data
 * of this run, so an edit to accounts.csv shows in the next report even without a new ingest.
 */
public final class ReportJob {
  public static final String CUSTOMERS = "customers";
  public static final String REVENUE_MONTHLY = "revenue_monthly";
  public static final String COMMISSIONS = "commissions";
  public static final String EXECUTIVE_SUMMARY = "executive_summary.csv";
  public static final String CHANNEL_DEFINITIONS = "channel_definitions.csv";
  public static final String COMMISSION_SCENARIOS = "commission_scenarios.csv";
  public static final String MANIFEST = "manifest.json";

  /** About what a night's update recomputes (a month's lines): sizes its shuffles. */
  private static final long NIGHT_ROWS = 200_000L;

  private final SparkSession spark;
  private final Definitions definitions;
  private final ReferenceData reference;
  private final WarehouseLayout warehouse;
  private final ReportsLayout reports;
  private final LocalDate asOf;
  private final String runId;
  /** What this job cached; unpersisted when the outputs are written, the caller's cache kept. */
  private final PersistedDatasets persisted = new PersistedDatasets();
  private Consumer<String> afterEachOutput = output -> {};
  private Runnable beforeCommit = () -> {};

  public ReportJob(
      SparkSession spark,
      Definitions definitions,
      ReferenceData reference,
      WarehouseLayout warehouse,
      ReportsLayout reports,
      LocalDate asOf,
      String runId) {
    // Shuffle sizing is set per run: on a session of the job's own, not the caller's.
    this.spark = SparkSessions.forJob(spark);
    this.definitions = definitions;
    this.reference = reference;
    this.warehouse = warehouse;
    this.reports = reports;
    this.asOf = asOf;
    this.runId = runId;
  }

  /**
   * Called right before the publish is committed; it throws to stop a run that may no longer
   * publish (the warehouse lock taken over): then nothing of this run is published.
   */
  public ReportJob beforeCommit(Runnable check) {
    this.beforeCommit = check;
    return this;
  }

  /** Called with each output's name once it is staged; tests use it to inject failures. */
  ReportJob afterEachOutput(Consumer<String> listener) {
    this.afterEachOutput = listener;
    return this;
  }

  /**
   * Builds and publishes the reports.
   *
   * @param manifestBody the run's manifest so far (inputs, ingest counts, versions); this job adds
   *     its own sections and writes it as manifest.json
   */
  public ReportResult execute(Map<String, Object> manifestBody) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = reports.root().getFileSystem(conf);
    Path staging = reports.staging(runId, asOf);
    Map<String, Double> seconds = new LinkedHashMap<>();
    try (JobDescriptions.Scope scope = JobDescriptions.describe(spark, stage("classify"))) {
      return build(conf, fs, staging, seconds, manifestBody);
    } finally {
      persisted.release();
      fs.delete(reports.stagingRun(runId), true);
      PublishJournal.deleteIfEmpty(fs, reports.stagingRoot());
      PublishJournal.deleteIfEmpty(fs, reports.asideRun(runId));
      PublishJournal.deleteIfEmpty(fs, reports.asideRun(runId).getParent());
    }
  }

  private ReportResult build(
      Configuration conf,
      FileSystem fs,
      Path staging,
      Map<String, Double> seconds,
      Map<String, Object> manifestBody)
      throws IOException {
    StepLog classify = StepLog.start("classify");
    Dataset<Row> counted = countedLines();
    IngestLedger ledger = IngestLedger.read(warehouse.fileSystem(conf), warehouse.ledger());
    String fingerprint = ReportState.fingerprint(definitions, reference);
    Optional<ReportState.Base> base =
        ReportState.findBase(
            fs, reports.root(), asOf, fingerprint, ledger.resolvedBy(), ledger.mergedSince());
    ReportParts.Context context =
        new ReportParts.Context(
            definitions,
            reference,
            ReferenceFrames.accounts(spark, reference.accounts()),
            asOf,
            persisted);
    ReportParts parts;
    String how;
    if (base.isPresent()) {
      // A night's report: the base's parts, with the customers and months changed since redone.
      ReportState.Base from = base.get();
      JobDescriptions.relabel(spark, stage("classify changed months since as_of=" + from.asOf()));
      SparkSessions.sizeShufflesFor(spark, NIGHT_ROWS);
      parts =
          ReportParts.update(from.parts(spark), from.asOf(), counted, changesSince(from), context);
      how =
          String.format(
              "as_of=%s and the changes of %d ingest runs since", from.asOf(), from.mergedSince().size());
    } else {
      SparkSessions.sizeShufflesFor(spark, ledger.acceptedVersions());
      JobDescriptions.relabel(spark, stage("classify every month"));
      parts = ReportParts.full(counted, monthsThroughAsOf(), context);
      how = "every line";
    }
    Dataset<Row> monthLines = persisted.keep(parts.monthLines());
    long countedLines = 0;
    SortedSet<String> monthsWithLines = new TreeSet<>();
    for (Row row : monthLines.collectAsList()) {
      countedLines += row.getLong(1);
      monthsWithLines.add(row.getString(0));
    }
    Optional<ShortHistory> shortHistory =
        ShortHistory.warnIfAny(counted, monthsWithLines, definitions.settings().programStart());
    seconds.put(
        "classify", classify.done(countedLines + " counted lines through " + asOf + " (from " + how + ")"));

    // The tables and the summary's figures are independent: their Spark jobs run side by side.
    StepLog build = StepLog.start("build");
    JobDescriptions.relabel(spark, stage("build commission terms"));
    ReportWindows windows = ReportWindows.of(asOf);
    Dataset<Row> customers = parts.customers(); // kept by ReportParts already
    // Small (rep x month x plan) and used four times: computed once.
    Dataset<Row> terms = persisted.keep(parts.commissionTerms());
    // Read by the summary's facts and by its commission metrics: kept once.
    Dataset<Row> yearEarlierLastMonth =
        persisted.keep(CountedLines.monthThrough(counted, windows.yearEarlierEnd()));
    Dataset<Row> summaryFacts = persisted.keep(parts.summaryFacts(yearEarlierLastMonth, context));
    terms.count();
    Path state = new Path(staging, ReportState.FOLDER);
    Future<Long> customerRows;
    Future<Long> revenueRows;
    Future<Long> commissionRows;
    Future<List<SummaryMetric>> channelMetrics;
    Future<List<SummaryMetric>> commissionMetrics;
    Future<CommissionScenarios.Table> scenarioTable;
    Future<List<Row>> unknownReps;
    Future<Map<String, Long>> segments;
    Future<SummaryMetric> refunds;
    List<Future<Long>> stateRows;
    // Many small jobs on a short run: more of them in flight keeps both cores busy.
    try (ParallelJobs jobs = new ParallelJobs(spark, 6)) {
      customerRows =
          jobs.submit(
              stage("write " + CUSTOMERS),
              () ->
                  writeTable(customers, new Path(staging, CUSTOMERS), CUSTOMERS, CustomersReport.CUSTOMER_ID));
      revenueRows =
          jobs.submit(
              stage("write " + REVENUE_MONTHLY),
              () ->
                  writeTable(
                      parts.revenueMonthly(),
                      new Path(staging, REVENUE_MONTHLY),
                      REVENUE_MONTHLY,
                      RevenueMonthlyReport.MONTH,
                      RevenueMonthlyReport.REGION,
                      RevenueMonthlyReport.SEGMENT,
                      RevenueMonthlyReport.ORDER_CHANNEL));
      commissionRows =
          jobs.submit(
              stage("write " + COMMISSIONS),
              () ->
                  writeTable(
                      CommissionEngine.tableOf(terms),
                      new Path(staging, COMMISSIONS),
                      COMMISSIONS,
                      CommissionColumns.MONTH,
                      CommissionColumns.REP_ID,
                      CommissionColumns.PLAN_ID));
      channelMetrics =
          jobs.submit(
              stage("summary channel metrics"), () -> ExecutiveSummary.fromCustomerFacts(summaryFacts));
      commissionMetrics =
          jobs.submit(
              stage("summary commission metrics"),
              () -> onlineCommissionMetrics(terms, yearEarlierLastMonth, customers, context, windows));
      scenarioTable =
          jobs.submit(
              stage("write " + COMMISSION_SCENARIOS),
              () -> scenarios(CommissionEngine.tableOf(terms), windows));
      unknownReps =
          jobs.submit(stage("unknown-rep warnings"), () -> parts.unknownRepWarnings().collectAsList());
      segments = jobs.submit(stage("customers by segment"), () -> customersBySegment(customers));
      JobDescriptions.relabel(spark, stage("read order_refunds"));
      Dataset<Row> orderRefunds = OrderRefundsTable.read(spark, fs, warehouse.orderRefunds());
      refunds = jobs.submit(stage("summary refunds not netted"), () -> RefundsNotNetted.of(orderRefunds, windows));
      stateRows = writeState(jobs, state, parts, terms, monthLines);
      jobs.awaitAll();
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(CUSTOMERS, ParallelJobs.result(customerRows));
    rows.put(REVENUE_MONTHLY, ParallelJobs.result(revenueRows));
    rows.put(COMMISSIONS, ParallelJobs.result(commissionRows));
    SummaryMetric refundsNotNetted = ParallelJobs.result(refunds);
    List<SummaryMetric> metrics =
        ExecutiveSummary.inCsvOrder(
            ParallelJobs.result(channelMetrics), ParallelJobs.result(commissionMetrics), refundsNotNetted);
    CommissionScenarios.Table scenarios = ParallelJobs.result(scenarioTable);
    List<Row> warnings = ParallelJobs.result(unknownReps);
    Map<String, Long> bySegment = ParallelJobs.result(segments);
    for (Future<Long> written : stateRows) {
      ParallelJobs.result(written);
    }
    new ReportState(fingerprint, ledger.resolvedBy(), ledger.mergedSince())
        .write(fs, staging);

    writeCsv(fs, new Path(staging, EXECUTIVE_SUMMARY), out -> SummaryCsvWriter.writeExecutiveSummary(metrics, out));
    rows.put(EXECUTIVE_SUMMARY, (long) metrics.size());
    afterEachOutput.accept(EXECUTIVE_SUMMARY);
    writeCsv(
        fs,
        new Path(staging, CHANNEL_DEFINITIONS),
        out -> SummaryCsvWriter.writeChannelDefinitions(definitions.channelDefinitions(), out));
    rows.put(CHANNEL_DEFINITIONS, (long) definitions.channelDefinitions().size());
    afterEachOutput.accept(CHANNEL_DEFINITIONS);
    writeCsv(
        fs,
        new Path(staging, COMMISSION_SCENARIOS),
        out -> SummaryCsvWriter.writeTable(scenarios.header(), scenarios.rows(), out));
    rows.put(COMMISSION_SCENARIOS, (long) scenarios.rows().size());
    afterEachOutput.accept(COMMISSION_SCENARIOS);
    BigDecimal netRevenueTtm = metrics.get(0).ttm();
    seconds.put(
        "build",
        build.done(rows + ", " + metrics.size() + " metrics, " + scenarios.rows().size() + " reps"));
    persisted.release();

    StepLog publish = StepLog.start("publish");
    List<String> unknownIds = new ArrayList<>();
    long unknownLines = 0;
    for (Row warning : warnings) {
      if (!unknownIds.contains(warning.getString(0))) {
        unknownIds.add(warning.getString(0));
      }
      unknownLines += warning.getLong(2);
    }
    Path published = reports.published(asOf);
    ReportResult result =
        new ReportResult(
            asOf, published.toString(), how, countedLines, bySegment, netRevenueTtm, rows, unknownIds,
            unknownLines, shortHistory.orElse(null), refundsNotNetted, seconds);
    Map<String, Object> manifest = new LinkedHashMap<>(manifestBody);
    manifest.putAll(ReportManifest.of(result, warnings));
    com.channelexpansion.publish.JsonDocument.write(manifest, new Path(staging, MANIFEST), conf);
    afterEachOutput.accept(MANIFEST);
    com.channelexpansion.publish.JsonDocument.touch(new Path(staging, ReportsLayout.SUCCESS_MARKER), conf);
    beforeCommit.run();
    PublishJournal.commit(
        fs,
        reports.journal(),
        runId + "-" + asOf,
        List.of(PublishJournal.Move.of(staging, published, reports.aside(runId, asOf))),
        () -> CrashPoints.reached("report.committed"));
    fs.delete(reports.asideRun(runId), true);
    seconds.put("publish", publish.done("reports at " + published));
    return result;
  }

  /** Counted lines through as-of (rule 6, Time and windows). */
  private Dataset<Row> countedLines() {
    Path orderLines = warehouse.orderLines();
    try {
      if (!orderLines.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(orderLines)) {
        throw new ConfigurationException(
            "Cannot report: the warehouse has no order_lines (" + orderLines + "): run ingest first");
      }
    } catch (IOException e) {
      throw new ConfigurationException("Cannot report: cannot read the warehouse (" + orderLines + ")", e);
    }
    requireWarehouseBuiltWithTheseDefinitions();
    // Only the columns the reports use: the rest of a line (source, prices, FX, status) would
    // more than double what is read and cached.
    // Months after as-of's are not read at all (order_lines/ is laid out by month).
    Dataset<Row> throughAsOfMonth =
        OrderLinesTable.read(spark, orderLines)
            .where(col(OrderLineColumns.MONTH).leq(lit(YearMonth.from(asOf).toString())));
    return CountedLines.asOf(throughAsOfMonth, asOf)
        .select(
            col(OrderLineColumns.CUSTOMER_ID),
            col(OrderLineColumns.ORDER_ID),
            col(OrderLineColumns.LINE_NUMBER),
            col(OrderLineColumns.ORDER_TIMESTAMP),
            col(OrderLineColumns.ORDER_DATE),
            col(OrderLineColumns.MONTH),
            col(OrderLineColumns.CHANNEL),
            col(OrderLineColumns.QUANTITY),
            col(OrderLineColumns.AMOUNT),
            col(OrderLineColumns.SALES_REP_ID),
            col(OrderLineColumns.IS_CANCELLED));
  }

  /** The months order_lines/ has folders for, through as-of's. */
  private SortedSet<String> monthsThroughAsOf() throws IOException {
    SortedSet<String> months = new TreeSet<>();
    String asOfMonth = YearMonth.from(asOf).toString();
    Path orderLines = warehouse.orderLines();
    FileSystem fs = orderLines.getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (FileStatus folder : OrderLinesTable.monthFolders(fs, orderLines)) {
      String month = OrderLinesTable.monthOf(folder.getPath());
      if (month.compareTo(asOfMonth) <= 0) {
        months.add(month);
      }
    }
    return months;
  }

  /**
   * channel_definitions.csv promises the definitions that produced the numbers: refuse to pair
   * today's definitions with lines validated under others.
   */
  private void requireWarehouseBuiltWithTheseDefinitions() {
    try {
      FileSystem fs = warehouse.fileSystem(spark.sparkContext().hadoopConfiguration());
      String built = IngestLedger.read(fs, warehouse.ledger()).validationFingerprint();
      if (built != null && !built.equals(DefinitionsFingerprint.validation(definitions, reference))) {
        throw new ConfigurationException(
            "Cannot report: the channel definitions, time zone, reporting currency or FX rates"
                + " changed since the last ingest; run nightly (or ingest) first");
      }
    } catch (IOException e) {
      throw new ConfigurationException("Cannot report: cannot read the warehouse ledger", e);
    }
  }

  /**
   * commission_on_online_<plan> for both windows, from the monthly terms: a window's full months
   * are its terms, and the year-earlier window's last month, counted through its last day, is
   * computed from that month's lines (TTM's last month is as-of's, already through as-of).
   */
  private List<SummaryMetric> onlineCommissionMetrics(
      Dataset<Row> terms,
      Dataset<Row> yearEarlierLastMonth,
      Dataset<Row> customers,
      ReportParts.Context context,
      ReportWindows windows) {
    List<String> planIds = PlanRowMatcher.planIdsInOrder(plans());
    Map<String, BigDecimal> ttm =
        CommissionEngine.onlineCommissionOfTerms(
            inMonths(terms, YearMonth.from(windows.ttmStart()), YearMonth.from(windows.ttmEnd())),
            planIds);
    YearMonth lastYearEarlierMonth = YearMonth.from(windows.yearEarlierEnd());
    Map<String, BigDecimal> yearEarlier =
        CommissionEngine.onlineCommissionOfTerms(
            inMonths(terms, YearMonth.from(windows.yearEarlierStart()), lastYearEarlierMonth.minusMonths(1)),
            planIds);
    CommissionEngine.onlineCommissionOfTerms(
            ReportParts.partialMonthTerms(
                yearEarlierLastMonth, ReportParts.classifiedOf(customers), context),
            planIds)
        .forEach((plan, value) -> yearEarlier.merge(plan, value, BigDecimal::add));
    List<SummaryMetric> metrics = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> plan : ttm.entrySet()) {
      BigDecimal now = plan.getValue();
      BigDecimal before = yearEarlier.get(plan.getKey());
      // change from unrounded values, then rounded like the ratios (4 decimals).
      BigDecimal change =
          before == null || before.signum() == 0
              ? null
              : now.divide(before, 20, RoundingMode.HALF_UP)
                  .subtract(BigDecimal.ONE)
                  .setScale(4, RoundingMode.HALF_UP);
      metrics.add(
          new SummaryMetric(
              "commission_on_online_" + plan.getKey(),
              "Commission plan '"
                  + plan.getKey()
                  + "' would pay on online orders in the window: each online line's rate times its"
                  + " amount times its rep's monthly tier multiplier, summed over reps and months.",
              now.setScale(2, RoundingMode.HALF_UP),
              before == null ? null : before.setScale(2, RoundingMode.HALF_UP),
              change));
    }
    return metrics;
  }

  private static Dataset<Row> inMonths(Dataset<Row> monthly, YearMonth from, YearMonth to) {
    return monthly.where(
        col(CommissionColumns.MONTH).between(lit(from.toString()), lit(to.toString())));
  }

  private CommissionScenarios.Table scenarios(Dataset<Row> commissions, ReportWindows windows) {
    List<String> planIds = PlanRowMatcher.planIdsInOrder(plans());
    if (planIds.isEmpty()) {
      return new CommissionScenarios.Table(List.of("rep_id", "rep_name", "online_credited_revenue"), List.of());
    }
    String baseline =
        definitions.settings().baselinePlan() != null
            ? definitions.settings().baselinePlan()
            : planIds.get(0);
    return CommissionScenarios.build(
        commissions,
        reference.reps(),
        planIds,
        baseline,
        YearMonth.from(windows.ttmStart()),
        YearMonth.from(windows.ttmEnd()));
  }

  /** The (customer_id, month) pairs the ingest runs since {@code base} changed. */
  private Dataset<Row> changesSince(ReportState.Base base) {
    if (base.mergedSince().isEmpty()) {
      return spark.createDataFrame(List.of(), OrderLinesTable.CHANGES_SCHEMA);
    }
    String[] paths =
        base.mergedSince().stream().map(run -> warehouse.changesOf(run).toString()).toArray(String[]::new);
    return spark.read().schema(OrderLinesTable.CHANGES_SCHEMA).parquet(paths);
  }

  /** Submits the writes of the parts a later report starts from (ReportState). */
  private List<Future<Long>> writeState(
      ParallelJobs jobs, Path state, ReportParts parts, Dataset<Row> terms, Dataset<Row> monthLines) {
    return List.of(
        writeStatePart(jobs, terms, new Path(state, ReportState.COMMISSION_TERMS),
            CommissionColumns.MONTH, CommissionColumns.REP_ID, CommissionColumns.PLAN_ID),
        writeStatePart(jobs, parts.customerMonths(), new Path(state, ReportState.CUSTOMER_MONTHS),
            CustomerMonths.CUSTOMER_ID, CustomerMonths.MONTH),
        writeStatePart(jobs, parts.splitOrderLines(), new Path(state, ReportState.SPLIT_ORDER_LINES),
            OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER),
        writeStatePart(jobs, monthLines, new Path(state, ReportState.MONTH_LINES), ReportParts.MONTH),
        writeStatePart(jobs, parts.unknownReps(), new Path(state, ReportState.UNKNOWN_REPS),
            ReportParts.MONTH, "rep_id", "role"));
  }

  private Future<Long> writeStatePart(
      ParallelJobs jobs, Dataset<Row> part, Path target, String... sortKeys) {
    return jobs.submit(
        stage("write state " + target.getName()),
        () -> ParquetTableWriter.writeSingleFile(part, target, Columns.named(sortKeys)));
  }

  /** The name of this report's Spark jobs in a step: the Spark UI reads as the step list. */
  private String stage(String step) {
    return "report as_of=" + asOf + ": " + step;
  }

  private static Map<String, Long> customersBySegment(Dataset<Row> customers) {
    Map<String, Long> bySegment = new TreeMap<>();
    for (Row row : customers.groupBy(CustomersReport.SEGMENT).count().collectAsList()) {
      bySegment.put(row.getString(0), row.getLong(1));
    }
    return bySegment;
  }

  /** Writes one table of the report and returns its row count. */
  private long writeTable(Dataset<Row> table, Path target, String name, String... sortKeys)
      throws IOException {
    long written = ParquetTableWriter.writeSingleFile(table, target, Columns.named(sortKeys));
    afterEachOutput.accept(name);
    return written;
  }

  /** A writer of CSV content. */
  private interface CsvContent {
    void writeTo(Writer out) throws IOException;
  }

  private static void writeCsv(FileSystem fs, Path file, CsvContent content) throws IOException {
    try (Writer out = new OutputStreamWriter(fs.create(file, false), StandardCharsets.UTF_8)) {
      content.writeTo(out);
    }
  }

  private List<com.channelexpansion.config.CommissionPlanRow> plans() {
    return definitions.commissionPlans();
  }

}
