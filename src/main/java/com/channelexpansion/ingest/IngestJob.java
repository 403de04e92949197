package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.warehouse.DefinitionsFingerprint;
import com.channelexpansion.warehouse.OrderRefundColumns;
import com.channelexpansion.warehouse.OrderLinesFolder;
import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.formats.ExportRead;
import com.channelexpansion.ingest.formats.ReadPlan;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.FxRateTable;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.CrashPoints;
import com.channelexpansion.publish.JsonDocument;
import com.channelexpansion.publish.ParquetTableWriter;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.publish.PublishJournal.Move;
import com.channelexpansion.publish.Versions;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.RejectColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ingest: reads the export files the warehouse does not hold yet, validates each record (rule 1),
 * keeps the latest version of each line over everything ingested (rule 2), credits it (rule 10)
 * and publishes {@code order_lines/} and {@code rejects/}, with a manifest reconciling rows read,
 * accepted and rejected per file.
 *
 * <p>Incremental: the ledger lists each ingested file's checksum and the batch of versions it
 * brought ({@code _versions/batch=<run-id>/}). A run reads only new or changed files; a changed
 * file's new batch replaces the rows it brought before; a file delivered again under another name
 * is not read twice. A night that only adds files merges their versions into the winners and
 * rewrites only the months they touch ({@link OrderLinesTable}); any other change resolves every
 * current version again. Either way order_lines/ equals a full rebuild from the same files. A run
 * that finds nothing new changes nothing.
 *
 * <p>Safe: files are parsed once, into staging; the data-quality gate (rule 12) judges only the
 * rows this run read, and a failed run writes its rejects to {@code failed-runs/<run-id>/} and
 * changes nothing else. Everything is published in one {@link PublishJournal} commit. The caller
 * holds the warehouse lock.
 */
public final class IngestJob {
  private static final String BATCH = "batch";

  private final SparkSession spark;
  private final Definitions definitions;
  private final ReferenceData reference;
  private final String inputDir;
  private final SourceFormats formats;
  private final WarehouseLayout warehouse;
  private final String runId;
  private Runnable beforeCommit = () -> {};

  public IngestJob(
      SparkSession spark,
      Definitions definitions,
      ReferenceData reference,
      String inputDir,
      SourceFormats formats,
      WarehouseLayout warehouse,
      String runId) {
    // Shuffle sizing is set per run: on a session of the job's own, not the caller's.
    this.spark = SparkSessions.forJob(spark);
    this.definitions = definitions;
    this.reference = reference;
    this.inputDir = inputDir;
    this.formats = formats;
    this.warehouse = warehouse;
    this.runId = runId;
  }

  /**
   * Called right before the publish is committed; it throws to stop a run that may no longer
   * publish (the warehouse lock taken over): then nothing of this run is published.
   */
  public IngestJob beforeCommit(Runnable check) {
    this.beforeCommit = check;
    return this;
  }

  /** Runs the ingest, each of its Spark jobs named after its step in the Spark UI. */
  public IngestResult execute() throws IOException {
    try (JobDescriptions.Scope scope = JobDescriptions.describe(spark, stage("find"))) {
      return run();
    }
  }

  private IngestResult run() throws IOException {
    Map<String, Double> seconds = new LinkedHashMap<>();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = warehouse.fileSystem(conf);
    IngestLedger stored = IngestLedger.read(fs, warehouse.ledger());
    String validation = DefinitionsFingerprint.validation(definitions, reference);
    String crediting = DefinitionsFingerprint.crediting(reference);
    boolean definitionsChanged =
        stored.validationFingerprint() != null && !stored.validationFingerprint().equals(validation);
    if (definitionsChanged) {
      StepLog.warn(
          "Channel definitions, time zone, reporting currency or FX rates changed since the last"
              + " ingest: reading every export again");
    }
    // Rows validated under other definitions cannot be kept: then every file counts as new.
    IngestLedger ledger = definitionsChanged ? IngestLedger.empty() : stored;

    StepLog find = StepLog.start("find");
    ExportFileFinder.Listing listing = ExportFileFinder.find(inputDir, conf);
    List<ExportFile> found = listing.files();
    listing.symbolicLinks().forEach(link -> StepLog.warn("Not following a symbolic link: " + link));
    List<String> unreadable = new ArrayList<>();
    ReadPlan plan = formats.plan(found);
    plan.notExports().forEach(file -> StepLog.warn("Skipping a file that is not an export: " + file));
    List<ExportRead> toRead = new ArrayList<>();
    List<String> headerless = new ArrayList<>();
    List<String> duplicateDeliveries = new ArrayList<>();
    int unchanged = 0;
    for (ExportRead listed : plan.reads()) {
      if (ledger.vouchesFor(listed.file())
          && (!listed.paired() || ledger.vouchesFor(listed.lineFile()))) {
        unchanged++;
        continue;
      }
      try {
        ExportRead read = listed.withChecksums(conf);
        ExportFile file = read.file();
        Optional<String> twin = read.paired() ? Optional.empty() : ledger.sameBytesAs(file);
        if (ledger.holds(file) && (!read.paired() || ledger.holds(read.lineFile()))) {
          unchanged++;
        } else if (twin.isPresent() && !ledger.files().containsKey(file.relativePath())) {
          duplicateDeliveries.add(file.relativePath() + " (same bytes as " + twin.get() + ")");
          StepLog.warn("Skipping a second delivery of " + twin.get() + ": " + file.relativePath());
        } else if (read.headerless(conf)) {
          headerless.add(file.relativePath());
          StepLog.warn("Skipping export without a header: " + file.relativePath());
        } else {
          toRead.add(read);
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        // One file the file system layer cannot open stops nothing but itself.
        unreadable.add(listed.file().relativePath());
        StepLog.warn(
            "Skipping an export that cannot be read: " + listed.file().relativePath()
                + " (" + e.getMessage() + ")");
      }
    }
    IngestWarnings warnings = new IngestWarnings(listing.symbolicLinks(), unreadable, RemovedLines.NONE);
    List<ExportFile> filesToRead = new ArrayList<>();
    for (ExportRead read : toRead) {
      filesToRead.add(read.file());
      if (read.paired()) {
        filesToRead.add(read.lineFile());
      }
    }
    long bytes = toRead.stream().mapToLong(ExportRead::sizeBytes).sum();
    seconds.put(
        "find",
        find.done(
            String.format(
                "%d export files: %d new or changed (%.1f MB), %d already ingested, %d without header (%s)",
                found.size(), filesToRead.size(), bytes / 1e6, unchanged, headerless.size(), inputDir)));
    boolean warehouseExists = fs.exists(warehouse.orderLines());
    if (toRead.isEmpty() && warehouseExists && crediting.equals(ledger.creditingFingerprint())) {
      long orderLines = ParquetTableWriter.rowsIn(fs, warehouse.orderLines());
      StepLog.info("Nothing new to ingest: the warehouse is unchanged");
      return new IngestResult(
          runId, List.of(), unchanged, duplicateDeliveries, headerless, 0, orderLines, false, seconds,
          warnings);
    }

    StepLog validate = StepLog.start("validate");
    JobDescriptions.relabel(spark, stage("validate " + filesToRead.size() + " files"));
    Path staging = warehouse.staging(runId);
    Path stagedBatch = new Path(staging, "batch");
    ExportLineValidator validator =
        new ExportLineValidator(
            definitions.settings(),
            definitions.channelDefinitions(),
            new FxRateTable(reference.fxRates(), definitions.settings().reportingCurrency()));
    ExportReading.validatedRows(spark, toRead, validator)
        .write()
        .option("compression", "snappy")
        .parquet(stagedBatch.toString());
    CrashPoints.reached("ingest.validated");
    Dataset<Row> batch = spark.read().schema(ValidatedRows.SCHEMA).parquet(stagedBatch.toString());
    List<FileReconciliation> files = reconcile(filesToRead, batch);
    long read = files.stream().mapToLong(FileReconciliation::rowsRead).sum();
    long rejected = files.stream().mapToLong(FileReconciliation::rowsRejected).sum();
    seconds.put(
        "validate",
        validate.done(
            String.format(
                "%d rows read, %d accepted, %d rejected %s",
                read, read - rejected, rejected, FileReconciliation.totalByReason(files))));

    long surcharged = files.stream().mapToLong(FileReconciliation::surchargedOrders).sum();
    if (surcharged > 0) {
      StepLog.warn(
          surcharged + " orders carry a surcharge (a negative order-level discount), spread over"
              + " their lines like a discount (per file in the manifest)");
    }

    DataQualityGate.Verdict verdict =
        DataQualityGate.evaluate(read, rejected, definitions.settings().maxRejectRatio());
    if (!verdict.passed()) {
      String message = verdict.message(FileReconciliation.totalByReason(files), firstReject(batch));
      Path failedRejects = warehouse.failedRunRejects(runId);
      writeRejects(rejectsOf(batch), failedRejects);
      fs.delete(staging, true);
      PublishJournal.deleteIfEmpty(fs, warehouse.stagingRoot());
      throw new DataQualityGateException(message + "; rejected rows in " + failedRejects);
    }

    StepLog resolve = StepLog.start("resolve");
    JobDescriptions.relabel(spark, stage("resolve"));
    Dataset<Row> batchAccepted = accepted(batch);
    long batchAcceptedRows = read - rejected;
    // A night that only adds files merges them into the winners; any other change (a file read
    // again, new definitions, new owners) resolves every version again. Both give the same table.
    boolean merge =
        warehouseExists
            && OrderLinesFolder.byMonth(fs, warehouse.orderLines())
            && ledger.onlyAdds(filesToRead)
            && ledger.acceptedVersions() > 0
            && crediting.equals(ledger.creditingFingerprint());
    long acceptedVersions;
    Dataset<Row> rejects;
    Dataset<Row> refundVersions;
    Path stagedOrderLines = new Path(staging, "order_lines");
    List<Move> orderLineMoves = new ArrayList<>();
    long orderLineRows;
    if (merge) {
      acceptedVersions = ledger.acceptedVersions() + batchAcceptedRows;
      SparkSessions.sizeShufflesFor(spark, acceptedVersions);
      JobDescriptions.relabel(spark, stage("resolve: find the order_lines months tonight's lines touch"));
      OrderLinesTable.Merge merged =
          OrderLinesTable.merge(
              spark, warehouse.orderLines(), batchAccepted, batchAcceptedRows, this::credited);
      JobDescriptions.relabel(
          spark, stage("resolve: merge into order_lines months " + String.join(",", merged.months())));
      SortedMap<String, Long> written =
          OrderLinesTable.write(merged.monthsRows(), stagedOrderLines);
      long kept = 0;
      for (FileStatus month : OrderLinesFolder.monthFolders(fs, warehouse.orderLines())) {
        if (!merged.months().contains(OrderLinesFolder.monthOf(month.getPath()))) {
          kept += ParquetTableWriter.rowsIn(fs, month.getPath());
        }
      }
      orderLineRows = kept + written.values().stream().mapToLong(Long::longValue).sum();
      for (String month : merged.months()) {
        Path target = OrderLinesFolder.monthFolder(warehouse.orderLines(), month);
        Path aside = warehouse.aside(runId, "order_lines/" + target.getName());
        orderLineMoves.add(
            written.containsKey(month)
                ? Move.of(OrderLinesFolder.monthFolder(stagedOrderLines, month), target, aside)
                : Move.removal(target, aside));
      }
      Path stagedChanges = new Path(staging, "changes");
      JobDescriptions.relabel(spark, stage("resolve: record the changed customers and months"));
      ParquetTableWriter.writeSingleFile(
          merged.changed(), stagedChanges, Columns.named(OrderLineColumns.CUSTOMER_ID, OrderLineColumns.MONTH));
      orderLineMoves.add(
          Move.of(stagedChanges, warehouse.changesOf(runId), warehouse.aside(runId, "changes")));
      rejects =
          spark.read().schema(RejectColumns.SCHEMA).parquet(warehouse.rejects().toString())
              .unionByName(rejectsOf(batch));
      refundVersions =
          OrderRefundColumns.read(spark, fs, warehouse.orderRefunds())
              .unionByName(OrderRefundsTable.versionsIn(batch));
    } else {
      Dataset<Row> versions = currentVersions(ledger, filesToRead, batch, fs);
      // Into an empty warehouse the versions are this run's, already counted per file.
      acceptedVersions =
          ledger.files().isEmpty() ? batchAcceptedRows : accepted(versions).count();
      SparkSessions.sizeShufflesFor(spark, acceptedVersions);
      JobDescriptions.relabel(spark, stage("resolve every version into order_lines"));
      Dataset<Row> orderLines = credited(LatestVersions.keepLatest(accepted(versions)));
      orderLineRows =
          OrderLinesTable.write(orderLines, stagedOrderLines).values().stream()
              .mapToLong(Long::longValue)
              .sum();
      fs.mkdirs(stagedOrderLines); // a warehouse with no accepted line still has the table
      JobDescriptions.relabel(spark, stage("resolve: lines removed from re-delivered files"));
      warnings =
          warnings.withRemovedLines(
              RemovedLines.between(
                  spark, fs, warehouse.orderLines(), stagedOrderLines, stored.redelivered(filesToRead)));
      orderLineMoves.add(
          Move.of(stagedOrderLines, warehouse.orderLines(), warehouse.aside(runId, "order_lines")));
      // Changes recorded so far are relative to the table this run replaces.
      orderLineMoves.add(Move.removal(warehouse.changes(), warehouse.aside(runId, "changes")));
      rejects = rejectsOf(versions);
      refundVersions = OrderRefundsTable.versionsIn(versions);
    }
    Path stagedRefunds = new Path(staging, "order_refunds");
    JobDescriptions.relabel(spark, stage("resolve order_refunds and rejects"));
    OrderRefundsTable.write(OrderRefundsTable.latest(refundVersions), stagedRefunds);
    orderLineMoves.add(
        Move.of(stagedRefunds, warehouse.orderRefunds(), warehouse.aside(runId, "order_refunds")));
    IngestLedger nextLedger =
        ledger.with(filesToRead, runId, validation, crediting, acceptedVersions, merge);
    Path stagedRejects = new Path(staging, "rejects");
    writeRejects(rejects, stagedRejects);
    Path stagedLedger = new Path(staging, "ledger.json");
    nextLedger.write(fs, stagedLedger);
    seconds.put(
        "resolve",
        resolve.done(
            String.format(
                "%d order lines from %d accepted versions of %d files (%s)",
                orderLineRows,
                acceptedVersions,
                nextLedger.files().size(),
                merge ? "merged tonight's files" : "resolved every version")));

    StepLog publish = StepLog.start("publish");
    JobDescriptions.relabel(spark, stage("publish"));
    IngestResult result =
        new IngestResult(
            runId, files, unchanged, duplicateDeliveries, headerless,
            acceptedVersions - orderLineRows, orderLineRows, true, seconds, warnings);
    Path stagedManifest = new Path(staging, "ingest_manifest.json");
    JsonDocument.write(IngestManifest.of(result, Versions.of(spark)), stagedManifest, conf);
    CrashPoints.reached("ingest.staged");
    beforeCommit.run();
    PublishJournal.commit(
        fs,
        warehouse.journal(),
        runId,
        publishMoves(runId, stagedBatch, orderLineMoves, stagedRejects, stagedLedger, stagedManifest),
        () -> CrashPoints.reached("ingest.committed"));
    fs.delete(staging, true);
    PublishJournal.deleteIfEmpty(fs, warehouse.stagingRoot());
    dropDeadBatches(fs, nextLedger);
    seconds.put("publish", publish.done("warehouse at " + warehouse.root()));
    return result;
  }

  /** The name of this run's Spark jobs in a step: the Spark UI reads as the step list. */
  private String stage(String step) {
    return "ingest run=" + runId + ": " + step;
  }

  private List<Move> publishMoves(
      String runId,
      Path stagedBatch,
      List<Move> orderLineMoves,
      Path stagedRejects,
      Path stagedLedger,
      Path stagedManifest) {
    List<Move> moves = new ArrayList<>();
    moves.add(Move.of(stagedBatch, warehouse.batch(runId), warehouse.aside(runId, "batch")));
    moves.addAll(orderLineMoves);
    moves.add(Move.of(stagedRejects, warehouse.rejects(), warehouse.aside(runId, "rejects")));
    moves.add(Move.of(stagedLedger, warehouse.ledger(), warehouse.aside(runId, "ledger.json")));
    moves.add(
        Move.of(stagedManifest, warehouse.ingestManifest(), warehouse.aside(runId, "ingest_manifest.json")));
    return moves;
  }

  /**
   * The versions every ingested file stands for: earlier batches, without the rows of files this
   * run read again, plus this run's batch.
   */
  private Dataset<Row> currentVersions(
      IngestLedger ledger, List<ExportFile> reread, Dataset<Row> batch, FileSystem fs)
      throws IOException {
    Dataset<Row> current = batch.withColumn(BATCH, lit(runId));
    Map<String, String> kept = new TreeMap<>();
    ledger.files().forEach((file, entry) -> kept.put(file, entry.batch()));
    reread.forEach(file -> kept.remove(file.relativePath()));
    if (kept.isEmpty() || !fs.exists(warehouse.versions())) {
      return current;
    }
    StructType keys =
        new StructType()
            .add(OrderLineColumns.SOURCE_FILE, DataTypes.StringType)
            .add(BATCH, DataTypes.StringType);
    List<Row> keyRows = new ArrayList<>();
    kept.forEach((file, b) -> keyRows.add(RowFactory.create(file, b)));
    // Only the batches some kept file stands for are read; the join drops re-read files' rows.
    String[] batches =
        new java.util.TreeSet<>(kept.values()).stream()
            .map(b -> warehouse.batch(b).toString())
            .toArray(String[]::new);
    Dataset<Row> earlier =
        spark.read()
            .schema(ValidatedRows.SCHEMA)
            .parquet(batches)
            .withColumn(BATCH, batchOfFile())
            .join(broadcast(spark.createDataFrame(keyRows, keys)), new String[] {OrderLineColumns.SOURCE_FILE, BATCH});
    return current.unionByName(earlier);
  }

  /** The batch a versions row came from, read off its file's batch=<run-id> folder. */
  private static Column batchOfFile() {
    return org.apache.spark.sql.functions.regexp_extract(
        org.apache.spark.sql.functions.col("_metadata.file_path"), "/batch=([^/]+)/", 1);
  }

  /** Deletes batches no file stands for any more (every file in them was re-read since). */
  private void dropDeadBatches(FileSystem fs, IngestLedger ledger) throws IOException {
    if (!fs.exists(warehouse.versions())) {
      return;
    }
    for (FileStatus status : fs.listStatus(warehouse.versions())) {
      String name = status.getPath().getName();
      if (name.startsWith(BATCH + "=") && !ledger.liveBatches().contains(name.substring(BATCH.length() + 1))) {
        fs.delete(status.getPath(), true);
      }
    }
  }

  /** Per-file counts from the staged rows: one small aggregation collected to the driver. */
  private static List<FileReconciliation> reconcile(List<ExportFile> files, Dataset<Row> validated) {
    Map<String, Long> accepted = new HashMap<>();
    Map<String, Long> surcharged = new HashMap<>();
    Map<String, Map<String, Long>> rejected = new HashMap<>();
    Column surcharge =
        when(col(ValidatedRows.ORDER_LEVEL_DISCOUNT).lt(0), 1L).otherwise(0L);
    for (Row row :
        validated
            .groupBy(col(OrderLineColumns.SOURCE_FILE), col(ValidatedRows.REJECT_REASON))
            .agg(count(lit(1)), sum(surcharge))
            .collectAsList()) {
      String file = row.getString(0);
      if (row.isNullAt(1)) {
        accepted.put(file, row.getLong(2));
        surcharged.put(file, row.getLong(3));
      } else {
        rejected.computeIfAbsent(file, f -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
      }
    }
    List<FileReconciliation> result = new ArrayList<>();
    for (ExportFile file : files) {
      String name = file.relativePath();
      long ok = accepted.getOrDefault(name, 0L);
      Map<String, Long> bad = rejected.getOrDefault(name, new TreeMap<>());
      long read = ok + bad.values().stream().mapToLong(Long::longValue).sum();
      result.add(
          new FileReconciliation(
              name, file.sizeBytes(), file.sha256(), read, ok, bad, surcharged.getOrDefault(name, 0L)));
    }
    return result;
  }

  /**
   * The staged rows' first reject (smallest source_file by code point, as Spark compares strings
   * by their UTF-8 bytes, then source_line) for the gate's message; null when there is none.
   */
  private static DataQualityGate.FirstReject firstReject(Dataset<Row> validated) {
    List<Row> first =
        validated
            .where(col(ValidatedRows.REJECT_REASON).isNotNull())
            .select(
                col(RejectColumns.SOURCE_FILE),
                col(RejectColumns.SOURCE_LINE),
                col(ValidatedRows.REJECT_DETAIL))
            .orderBy(col(RejectColumns.SOURCE_FILE), col(RejectColumns.SOURCE_LINE))
            .limit(1)
            .collectAsList();
    if (first.isEmpty()) {
      return null;
    }
    Row row = first.get(0);
    return new DataQualityGate.FirstReject(
        row.getString(0), row.getLong(1), row.isNullAt(2) ? null : row.getString(2));
  }

  private static Dataset<Row> accepted(Dataset<Row> validated) {
    return validated
        .where(col(ValidatedRows.REJECT_REASON).isNull())
        .drop(ValidatedRows.NOT_IN_ORDER_LINES)
        .drop(BATCH);
  }

  private Dataset<Row> credited(Dataset<Row> winners) {
    return RepCrediting.credit(winners, reference.accounts(), reference.reps())
        .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));
  }

  private static Dataset<Row> rejectsOf(Dataset<Row> validated) {
    return validated
        .where(col(ValidatedRows.REJECT_REASON).isNotNull())
        .select(
            col(RejectColumns.SOURCE_FILE),
            col(RejectColumns.SOURCE_LINE),
            col(ValidatedRows.REJECT_REASON).as(RejectColumns.REASON),
            col(ValidatedRows.REJECT_DETAIL).as(RejectColumns.DETAIL),
            col(RejectColumns.RAW_RECORD));
  }

  private static void writeRejects(Dataset<Row> rejects, Path target) throws IOException {
    ParquetTableWriter.writeSingleFile(
        rejects, target, Columns.named(RejectColumns.SOURCE_FILE, RejectColumns.SOURCE_LINE));
  }
}
