package com.channelexpansion.cli;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.pages.ExecutivePages;
import com.channelexpansion.config.Pilot;
import com.channelexpansion.config.PilotsLoader;
import com.channelexpansion.config.DefinitionsLoader;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.ReferenceDataLoader;
import com.channelexpansion.ingest.IngestJob;
import com.channelexpansion.ingest.IngestManifest;
import com.channelexpansion.ingest.IngestResult;
import com.channelexpansion.ingest.formats.SourceDefinitions;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.InputChecksums;
import com.channelexpansion.publish.JsonDocument;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.publish.Versions;
import com.channelexpansion.publish.WarehouseLock;
import com.channelexpansion.report.job.ReportJob;
import com.channelexpansion.report.job.ReportResult;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the job, in order: check the command line's folders (exit 2), the definitions and
 * reference data (exit 3), that the warehouse and reports folders can be written (exit 3), all
 * before anything else; take the warehouse lock, complete any publish a killed run had
 * committed, clear stale staging, start Spark, then the steps the command asks for. Each publish
 * first checks that the lock is still this run's (exit 5 otherwise, nothing published). Closing
 * releases the lock and stops Spark.
 */
final class JobRun implements AutoCloseable {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final JobOptions options;
  private final PrintWriter out;
  private final Definitions definitions;
  private final ReferenceData reference;
  private final SourceFormats formats;
  private final String runId;
  private final WarehouseLayout warehouse;
  private final ReportsLayout reports;
  private final WarehouseLock lock;
  private SparkSession spark;
  /** False when a session already existed (tests, notebooks): then it is not ours to stop. */
  private boolean ownsSpark;

  private JobRun(
      JobOptions options,
      PrintWriter out,
      Definitions definitions,
      ReferenceData reference,
      SourceFormats formats,
      boolean writesReports)
      throws IOException {
    this.options = options;
    this.out = out;
    this.definitions = definitions;
    this.reference = reference;
    this.formats = formats;
    this.runId =
        RUN_ID.format(Instant.now())
            + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    this.warehouse = new WarehouseLayout(options.warehouse);
    this.reports = new ReportsLayout(options.reports);
    Configuration conf = hadoopConfiguration();
    FolderOptions.writable("--warehouse", options.warehouse, runId, conf);
    if (writesReports) {
      FolderOptions.writable("--reports", options.reports, runId, conf);
    }
    this.lock = WarehouseLock.acquire(warehouse.root(), runId, conf);
    try {
      recoverAndClean(conf);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Checks the folders of the command line, loads and checks every definition and reference file,
   * checks that the output folders can be written, then takes the warehouse lock.
   *
   * @param writesReports whether the command writes reports (then --reports is checked too)
   */
  static JobRun open(JobOptions options, PrintWriter out, boolean writesReports) throws IOException {
    options.checkFolders(writesReports);
    StepLog step = StepLog.start("config");
    Definitions loaded = DefinitionsLoader.load(Path.of(options.config));
    ReferenceData reference =
        ReferenceDataLoader.load(
            Path.of(options.reference), loaded.settings().reportingCurrency());
    // pilots.csv names reps: checked once reps.csv is loaded.
    Definitions definitions =
        loaded.withPilots(PilotsLoader.load(Path.of(options.config), reference.reps()));
    SourceFormats formats = SourceDefinitions.load(Path.of(options.config));
    step.done(
        String.format(
            "%d channel definitions, %d plan rows, %d pilots, %d accounts, %d reps, %d FX rates;"
                + " sources %s",
            definitions.channelDefinitions().size(),
            definitions.commissionPlans().size(),
            definitions.pilots().stream().map(Pilot::pilotId).distinct().count(),
            reference.accounts().size(),
            reference.reps().size(),
            reference.fxRates().size(),
            formats));
    return new JobRun(options, out, definitions, reference, formats, writesReports);
  }

  /**
   * The Hadoop configuration before Spark starts (the lock is taken first, so a second run
   * refuses at once): defaults plus any {@code spark.hadoop.*} setting spark-submit passed.
   */
  private static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith("spark.hadoop.")) {
                conf.set(name.substring("spark.hadoop.".length()), System.getProperty(name));
              }
            });
    return conf;
  }

  /** Completes publishes a killed run committed, then drops what killed runs left in staging. */
  private void recoverAndClean(Configuration conf) throws IOException {
    FileSystem warehouseFs = warehouse.fileSystem(conf);
    FileSystem reportsFs = reports.root().getFileSystem(conf);
    int completed =
        PublishJournal.recover(warehouseFs, warehouse.journal())
            + PublishJournal.recover(reportsFs, reports.journal());
    if (completed > 0) {
      StepLog.warn("Completed " + completed + " publish(es) that an interrupted run had committed");
    }
    warehouseFs.delete(warehouse.stagingRoot(), true);
    warehouseFs.delete(warehouse.asideRoot(), true);
    reportsFs.delete(reports.stagingRoot(), true);
    reportsFs.delete(reports.asideRoot(), true);
  }

  private SparkSession spark() {
    if (spark == null) {
      StepLog step = StepLog.start("spark");
      ownsSpark = SparkSession.getDefaultSession().isEmpty();
      spark = SparkSessions.create("channel-expansion", options.sparkMaster(), 8);
      step.done("Spark " + spark.version() + " on " + spark.sparkContext().master());
    }
    return spark;
  }

  /** The as-of date: --as-of, else yesterday in the configured time zone. */
  LocalDate defaultAsOf() {
    return options.asOf != null
        ? options.asOf
        : LocalDate.now(definitions.settings().timeZone()).minusDays(1);
  }

  IngestResult ingest() throws IOException {
    IngestResult result =
        new IngestJob(spark(), definitions, reference, options.input, formats, warehouse, runId)
            .beforeCommit(lock::verifyHeld)
            .execute();
    out.printf(
        "ingest: %d new or changed files, %d rows read, %d accepted, %d rejected; %d files already"
            + " ingested%n  warehouse: %s (order_lines/ %d lines, order_refunds/, rejects/, ingest_manifest.json)%n",
        result.files().size(),
        result.rowsRead(),
        result.rowsAccepted(),
        result.rowsRejected(),
        result.filesUnchanged(),
        warehouse.root(),
        result.orderLines());
    return result;
  }

  /**
   * Builds and publishes the reports for {@code asOf}; {@code ingest} is this run's, or null;
   * {@code orderLinesVersion} a past version of order_lines to report on, or null for the latest.
   */
  ReportResult report(IngestResult ingest, LocalDate asOf, Long orderLinesVersion) throws IOException {
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("command", ingest == null ? "report" : "nightly");
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("config", InputChecksums.of(Path.of(options.config)));
    inputs.put("reference", InputChecksums.of(Path.of(options.reference)));
    manifest.put("inputs", inputs);
    if (ingest != null) {
      manifest.put("ingest", IngestManifest.of(ingest, Versions.of(spark())));
    } else if (warehouse.fileSystem(conf).exists(warehouse.ingestManifest())) {
      manifest.put("ingest", JsonDocument.read(warehouse.ingestManifest(), conf));
    }
    manifest.put("versions", Versions.of(spark()));
    ReportResult result =
        new ReportJob(spark(), definitions, reference, warehouse, reports, asOf, runId)
            .beforeCommit(lock::verifyHeld)
            .atOrderLinesVersion(orderLinesVersion)
            .execute(manifest);
    out.printf(
        "report as_of=%s: %d counted lines; customers %s; net revenue TTM %s %s%n"
            + "  reports: %s (customers/, revenue_monthly/, commissions/, team_summary/,"
            + " channel_states_monthly/, executive_summary.csv, team_summary.csv,"
            + " state_transitions.csv, pilot_comparison.csv, channel_definitions.csv,"
            + " commission_scenarios.csv, manifest.json)%n"
            + "  executive page: %s/%s (and %d team pages in teams/)%n",
        asOf,
        result.countedLines(),
        result.customersBySegment(),
        result.netRevenueTtm() == null ? "0.00" : result.netRevenueTtm().toPlainString(),
        definitions.settings().reportingCurrency(),
        result.folder(),
        result.folder(),
        ExecutivePages.COMPANY_PAGE,
        result.pages().size() - 1);
    return result;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.close();
    } finally {
      if (spark != null && ownsSpark) {
        spark.stop();
      }
    }
  }
}
