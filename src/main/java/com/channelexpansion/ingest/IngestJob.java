package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.cli.StepLog;
import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.read.ExportFileParser;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.FxRateTable;
import com.channelexpansion.publish.FolderSwap;
import com.channelexpansion.publish.ParquetTableWriter;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.RejectColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ingest: reads every export file, validates each record (rule 1), keeps the latest version of
 * each line (rule 2), credits it (rule 10) and publishes {@code order_lines/} and {@code rejects/}
 * in the warehouse, with a manifest reconciling rows read, accepted and rejected per file.
 *
 * <p>Files are parsed once: validated rows are staged as Parquet in the run's staging folder and
 * every later step reads that. Nothing in the published warehouse changes until every table is
 * complete; a run that fails the data-quality gate (rule 12) leaves the warehouse as it was and
 * writes its rejects to {@code failed-runs/<run-id>/rejects/} so the user can see why.
 */
public final class IngestJob {
  /** Rows per order_lines file: large enough for efficient scans, small enough to parallelize. */
  private static final long ROWS_PER_FILE = 2_000_000L;

  private final SparkSession spark;
  private final Definitions definitions;
  private final ReferenceData reference;
  private final String inputDir;
  private final WarehouseLayout warehouse;
  private final String runId;

  public IngestJob(
      SparkSession spark,
      Definitions definitions,
      ReferenceData reference,
      String inputDir,
      WarehouseLayout warehouse,
      String runId) {
    this.spark = spark;
    this.definitions = definitions;
    this.reference = reference;
    this.inputDir = inputDir;
    this.warehouse = warehouse;
    this.runId = runId;
  }

  public IngestResult execute() throws IOException {
    Map<String, Double> seconds = new LinkedHashMap<>();
    Configuration conf = spark.sparkContext().hadoopConfiguration();

    StepLog find = StepLog.start("find");
    List<ExportFile> found = ExportFileFinder.find(inputDir, conf);
    List<String> headerless = new ArrayList<>();
    List<ExportFile> readable = new ArrayList<>();
    for (ExportFile file : found) {
      if (hasHeader(file, conf)) {
        readable.add(file);
      } else {
        headerless.add(file.relativePath());
        StepLog.warn("Skipping export without a header: " + file.relativePath());
      }
    }
    long bytes = found.stream().mapToLong(ExportFile::sizeBytes).sum();
    seconds.put(
        "find",
        find.done(
            String.format(
                "%d export files, %.1f MB, %d without header (%s)",
                found.size(), bytes / 1e6, headerless.size(), inputDir)));

    StepLog validate = StepLog.start("validate");
    Path staging = warehouse.staging(runId);
    Path validatedPath = new Path(staging, "validated");
    ExportLineValidator validator =
        new ExportLineValidator(
            definitions.settings(),
            definitions.channelDefinitions(),
            new FxRateTable(reference.fxRates(), definitions.settings().reportingCurrency()));
    ExportReading.validatedRows(spark, readable, validator).write().parquet(validatedPath.toString());
    Dataset<Row> validated = spark.read().schema(ValidatedRows.SCHEMA).parquet(validatedPath.toString());
    List<FileReconciliation> files = reconcile(found, validated);
    long read = files.stream().mapToLong(FileReconciliation::rowsRead).sum();
    long rejected = files.stream().mapToLong(FileReconciliation::rowsRejected).sum();
    seconds.put(
        "validate",
        validate.done(
            String.format(
                "%d rows read, %d accepted, %d rejected %s",
                read, read - rejected, rejected, FileReconciliation.totalByReason(files))));

    DataQualityGate.Verdict verdict =
        DataQualityGate.evaluate(read, rejected, definitions.settings().maxRejectRatio());
    if (!verdict.passed()) {
      Path failedRejects = warehouse.failedRunRejects(runId);
      writeRejects(validated, failedRejects);
      deleteStaging(conf);
      throw new DataQualityGateException(
          verdict.message() + "; rejected rows in " + failedRejects);
    }

    StepLog resolve = StepLog.start("resolve");
    Dataset<Row> accepted =
        validated
            .where(col(ValidatedRows.REJECT_REASON).isNull())
            .drop(ValidatedRows.REJECT_REASON, RejectColumns.RAW_RECORD);
    Dataset<Row> credited =
        RepCrediting.credit(
            LatestVersions.keepLatest(accepted), reference.accounts(), reference.reps());
    Dataset<Row> orderLines = credited.select(columns(OrderLineColumns.SCHEMA.fieldNames()));
    long acceptedRows = read - rejected;
    int outputFiles = (int) Math.max(1, (acceptedRows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    Path stagedOrderLines = new Path(staging, "order_lines");
    ParquetTableWriter.write(
        orderLines,
        stagedOrderLines,
        outputFiles,
        columns(OrderLineColumns.ORDER_ID),
        columns(OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER));
    long orderLineRows = spark.read().parquet(stagedOrderLines.toString()).count();
    long duplicates = acceptedRows - orderLineRows;
    Path stagedRejects = new Path(staging, "rejects");
    writeRejects(validated, stagedRejects);
    seconds.put(
        "resolve",
        resolve.done(
            String.format(
                "%d order lines (%d duplicates dropped), %d rejects", orderLineRows, duplicates, rejected)));

    StepLog publish = StepLog.start("publish");
    FileSystem fs = warehouse.fileSystem(conf);
    FolderSwap.replace(fs, stagedOrderLines, warehouse.orderLines(), warehouse.aside(runId, "order_lines"));
    FolderSwap.replace(fs, stagedRejects, warehouse.rejects(), warehouse.aside(runId, "rejects"));
    deleteStaging(conf);
    seconds.put("publish", publish.done("warehouse at " + warehouse.root()));
    return new IngestResult(runId, files, headerless, duplicates, orderLineRows, seconds);
  }

  private static boolean hasHeader(ExportFile file, Configuration conf) throws IOException {
    Path path = new Path(file.uri());
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return !ExportFileParser.parse(file.relativePath(), in).headerless();
    }
  }

  /** Per-file counts from the staged rows: one small aggregation collected to the driver. */
  private static List<FileReconciliation> reconcile(List<ExportFile> files, Dataset<Row> validated) {
    Map<String, Long> accepted = new HashMap<>();
    Map<String, Map<String, Long>> rejected = new HashMap<>();
    for (Row row :
        validated
            .groupBy(col(OrderLineColumns.SOURCE_FILE), col(ValidatedRows.REJECT_REASON))
            .count()
            .collectAsList()) {
      String file = row.getString(0);
      if (row.isNullAt(1)) {
        accepted.put(file, row.getLong(2));
      } else {
        rejected.computeIfAbsent(file, f -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
      }
    }
    List<FileReconciliation> result = new ArrayList<>();
    for (ExportFile file : files) {
      long ok = accepted.getOrDefault(file.relativePath(), 0L);
      Map<String, Long> bad = rejected.getOrDefault(file.relativePath(), new TreeMap<>());
      long read = ok + bad.values().stream().mapToLong(Long::longValue).sum();
      result.add(
          new FileReconciliation(file.relativePath(), file.sizeBytes(), file.sha256(), read, ok, bad));
    }
    return result;
  }

  private static void writeRejects(Dataset<Row> validated, Path target) throws IOException {
    Dataset<Row> rejects =
        validated
            .where(col(ValidatedRows.REJECT_REASON).isNotNull())
            .select(
                col(RejectColumns.SOURCE_FILE),
                col(RejectColumns.SOURCE_LINE),
                col(ValidatedRows.REJECT_REASON).as(RejectColumns.REASON),
                col(RejectColumns.RAW_RECORD));
    ParquetTableWriter.writeSingleFile(
        rejects, target, columns(RejectColumns.SOURCE_FILE, RejectColumns.SOURCE_LINE));
  }

  private void deleteStaging(Configuration conf) throws IOException {
    warehouse.fileSystem(conf).delete(warehouse.staging(runId), true);
  }

  private static Column[] columns(String... names) {
    return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
