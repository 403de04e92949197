package com.channelexpansion.report.job;

import com.channelexpansion.report.ReferenceFrames;
import com.channelexpansion.report.ReportParts;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.CrashPoints;
import com.channelexpansion.publish.JsonDocument;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.PersistedDatasets;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Report: turns the warehouse's order lines into the channel-expansion tables for one as-of date
 * (PRODUCT.md rules 7-11, Outputs), in four stages: {@link ReadStage} (the warehouse, through its
 * one reader), {@link ClassifyStage} (segments and per-month parts, from every line or from the
 * last report), {@link BuildStage} (every output, staged) and publish (below).
 *
 * <p>Everything is written to a staging folder outside the published tree, {@code _SUCCESS}
 * last, and the folder is then renamed into {@code as_of=YYYY-MM-DD/} through a {@link
 * PublishJournal}: a reader sees the previous folder or the complete new one, never a part.
 */
public final class ReportJob {
  public static final String CUSTOMERS = "customers";
  public static final String REVENUE_MONTHLY = "revenue_monthly";
  public static final String COMMISSIONS = "commissions";
  public static final String EXECUTIVE_SUMMARY = "executive_summary.csv";
  public static final String CHANNEL_DEFINITIONS = "channel_definitions.csv";
  public static final String COMMISSION_SCENARIOS = "commission_scenarios.csv";
  public static final String MANIFEST = "manifest.json";
  public static final String TEAM_SUMMARY = "team_summary";
  public static final String CHANNEL_STATES_MONTHLY = "channel_states_monthly";

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
  private Long orderLinesVersion;

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

  /**
   * Reports on order_lines as it was at {@code version} (a past night's data) instead of the
   * version the ledger vouches for now; null for the latter.
   */
  public ReportJob atOrderLinesVersion(Long version) {
    this.orderLinesVersion = version;
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
    StagedOutputs staged = new StagedOutputs(fs, reports.staging(runId, asOf), afterEachOutput);
    Map<String, Double> seconds = new LinkedHashMap<>();
    try (JobDescriptions.Scope scope = JobDescriptions.describe(spark, stage("read"))) {
      StepLog classifyLog = StepLog.start("classify");
      ReadStage.Result read =
          ReadStage.run(spark, warehouse, orderLinesVersion, definitions, reference, asOf);
      ReportParts.Context context =
          new ReportParts.Context(
              definitions, reference, ReferenceFrames.accounts(spark, reference.accounts()), asOf, persisted);
      ClassifyStage.Result classified =
          ClassifyStage.run(spark, read, context, fs, reports.root(), stage(""));
      seconds.put(
          "classify",
          classifyLog.done(
              classified.countedLines() + " counted lines through " + asOf + " (from "
                  + classified.computedFrom() + ")"));

      StepLog buildLog = StepLog.start("build");
      BuildStage.Result built = new BuildStage(spark, context, staged, this::stage).run(read, classified);
      ReportState.of(classified.fingerprint(), read.warehouse().version()).write(fs, staged.folder());
      seconds.put(
          "build",
          buildLog.done(
              built.outputRows() + ", " + built.metrics().size() + " metrics, "
                  + built.scenarios().rows().size() + " reps"));
      persisted.release();

      StepLog publishLog = StepLog.start("publish");
      ReportResult result = resultOf(classified, built, seconds);
      publish(staged, conf, fs, manifestBody, result, built.unknownRepWarnings());
      seconds.put("publish", publishLog.done("reports at " + result.folder()));
      return result;
    } finally {
      persisted.release();
      fs.delete(reports.stagingRun(runId), true);
      PublishJournal.deleteIfEmpty(fs, reports.stagingRoot());
      PublishJournal.deleteIfEmpty(fs, reports.asideRun(runId));
      PublishJournal.deleteIfEmpty(fs, reports.asideRun(runId).getParent());
    }
  }

  private ReportResult resultOf(
      ClassifyStage.Result classified, BuildStage.Result built, Map<String, Double> seconds) {
    List<String> unknownIds = new ArrayList<>();
    long unknownLines = 0;
    for (Row warning : built.unknownRepWarnings()) {
      if (!unknownIds.contains(warning.getString(0))) {
        unknownIds.add(warning.getString(0));
      }
      unknownLines += warning.getLong(2);
    }
    return new ReportResult(
        asOf,
        reports.published(asOf).toString(),
        classified.computedFrom(),
        classified.countedLines(),
        built.customersBySegment(),
        built.metrics().get(0).ttm(),
        built.outputRows(),
        built.pages(),
        unknownIds,
        unknownLines,
        classified.shortHistory().orElse(null),
        built.refundsNotNetted(),
        seconds);
  }

  /** manifest.json, then {@code _SUCCESS}, then the staged folder renamed into place. */
  private void publish(
      StagedOutputs staged,
      Configuration conf,
      FileSystem fs,
      Map<String, Object> manifestBody,
      ReportResult result,
      List<Row> warnings)
      throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>(manifestBody);
    manifest.putAll(ReportManifest.of(result, warnings, staged.tableFiles()));
    JsonDocument.write(manifest, new Path(staged.folder(), MANIFEST), conf);
    afterEachOutput.accept(MANIFEST);
    JsonDocument.touch(new Path(staged.folder(), ReportsLayout.SUCCESS_MARKER), conf);
    beforeCommit.run();
    PublishJournal.commit(
        fs,
        reports.journal(),
        runId + "-" + asOf,
        List.of(PublishJournal.Move.of(staged.folder(), reports.published(asOf), reports.aside(runId, asOf))),
        () -> CrashPoints.reached("report.committed"));
    fs.delete(reports.asideRun(runId), true);
  }

  /** The name of this report's Spark jobs in a step: the Spark UI reads as the step list. */
  private String stage(String step) {
    return "report as_of=" + asOf + ": " + step;
  }
}
