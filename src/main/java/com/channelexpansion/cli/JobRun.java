package com.channelexpansion.cli;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.DefinitionsLoader;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.ReferenceDataLoader;
import com.channelexpansion.ingest.IngestJob;
import com.channelexpansion.ingest.IngestResult;
import com.channelexpansion.publish.IngestManifest;
import com.channelexpansion.publish.JsonDocument;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.WarehouseLayout;
import com.channelexpansion.publish.InputChecksums;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.report.ReportJob;
import com.channelexpansion.report.ReportResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the job: checks the definitions and reference data before any Spark work, starts the
 * SparkSession, then runs the steps the command asks for, in order.
 */
final class JobRun implements AutoCloseable {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final JobOptions options;
  private final PrintWriter out;
  private final Definitions definitions;
  private final ReferenceData reference;
  private final String runId;
  private final WarehouseLayout warehouse;
  private SparkSession spark;
  /** False when a session already existed (tests, notebooks): then it is not ours to stop. */
  private boolean ownsSpark;

  private JobRun(
      JobOptions options, PrintWriter out, Definitions definitions, ReferenceData reference) {
    this.options = options;
    this.out = out;
    this.definitions = definitions;
    this.reference = reference;
    this.runId =
        RUN_ID.format(Instant.now())
            + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    this.warehouse = new WarehouseLayout(options.warehouse);
  }

  /** Loads and checks every definition and reference file; fails before Spark starts. */
  static JobRun open(JobOptions options, PrintWriter out) {
    StepLog step = StepLog.start("config");
    Definitions definitions = DefinitionsLoader.load(Path.of(options.config));
    ReferenceData reference = ReferenceDataLoader.load(
            Path.of(options.reference), definitions.settings().reportingCurrency());
    step.done(
        String.format(
            "%d channel definitions, %d plan rows, %d accounts, %d reps, %d FX rates",
            definitions.channelDefinitions().size(),
            definitions.commissionPlans().size(),
            reference.accounts().size(),
            reference.reps().size(),
            reference.fxRates().size()));
    return new JobRun(options, out, definitions, reference);
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
  LocalDate asOf() {
    return options.asOf != null
        ? options.asOf
        : LocalDate.now(definitions.settings().timeZone()).minusDays(1);
  }

  /** Builds and publishes the reports; {@code ingest} is this run's ingest, or null. */
  ReportResult report(IngestResult ingest) throws IOException {
    LocalDate asOf = asOf();
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("command", ingest == null ? "report" : "nightly");
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("config", InputChecksums.of(Path.of(options.config)));
    inputs.put("reference", InputChecksums.of(Path.of(options.reference)));
    manifest.put("inputs", inputs);
    if (ingest != null) {
      manifest.put("ingest", IngestManifest.of(ingest));
    } else if (warehouse.fileSystem(conf).exists(warehouse.ingestManifest())) {
      manifest.put("ingest", JsonDocument.read(warehouse.ingestManifest(), conf));
    }
    manifest.put("versions", versions());
    ReportResult result =
        new ReportJob(
                spark(),
                definitions,
                reference,
                warehouse,
                new ReportsLayout(options.reports),
                asOf,
                runId)
            .execute(manifest);
    out.printf(
        "report as_of=%s: %d counted lines; customers %s; net revenue TTM %s %s%n"
            + "  reports: %s (customers/, revenue_monthly/, commissions/, executive_summary.csv,"
            + " channel_definitions.csv, commission_scenarios.csv, manifest.json)%n",
        asOf,
        result.countedLines(),
        result.customersBySegment(),
        result.netRevenueTtm() == null ? "0.00" : result.netRevenueTtm().toPlainString(),
        definitions.settings().reportingCurrency(),
        result.folder());
    return result;
  }

  IngestResult ingest() throws IOException {
    IngestResult result =
        new IngestJob(spark(), definitions, reference, options.input, warehouse, runId).execute();
    Map<String, Object> manifest = new LinkedHashMap<>(IngestManifest.of(result));
    manifest.put("versions", versions());
    JsonDocument.write(manifest, warehouse.ingestManifest(), spark().sparkContext().hadoopConfiguration());
    out.printf(
        "ingest: %d rows read, %d accepted, %d rejected, %d duplicates dropped -> %d order lines%n"
            + "  warehouse: %s (order_lines/, rejects/, ingest_manifest.json)%n",
        result.rowsRead(),
        result.rowsAccepted(),
        result.rowsRejected(),
        result.duplicatesDropped(),
        result.orderLines(),
        warehouse.root());
    return result;
  }

  Map<String, Object> versions() {
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("channel_expansion", ChannelExpansion.appVersion());
    versions.put("spark", spark().version());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  @Override
  public void close() {
    if (spark != null && ownsSpark) {
      spark.stop();
    }
  }
}
