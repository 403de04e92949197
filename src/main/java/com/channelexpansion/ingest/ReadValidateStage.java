package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.FxRateTable;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.CrashPoints;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.RejectColumns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ingest's second stage: reads the planned files and validates every record (rule 1) into the
 * run's staged batch, parsed once; counts read = accepted + rejected per file from it; then the
 * data-quality gate (rule 12) judges the rows this run read. A run that fails the gate writes its
 * rejects to {@code failed-runs/<run-id>/}, drops its staging and publishes nothing.
 */
final class ReadValidateStage {
  /**
   * The staged batch.
   *
   * @param stagedBatch where it is staged, to become {@code _versions/batch=<run-id>/}
   * @param batch its rows ({@link ValidatedRows#SCHEMA}), read back from {@code stagedBatch}
   * @param files per-file reconciliation, in the plan's file order
   */
  record Result(Path stagedBatch, Dataset<Row> batch, List<FileReconciliation> files) {
    long rowsRead() {
      return files.stream().mapToLong(FileReconciliation::rowsRead).sum();
    }

    long rowsRejected() {
      return files.stream().mapToLong(FileReconciliation::rowsRejected).sum();
    }

    long rowsAccepted() {
      return rowsRead() - rowsRejected();
    }

    /** The step log's line. */
    String summary() {
      return String.format(
          "%d rows read, %d accepted, %d rejected %s",
          rowsRead(), rowsAccepted(), rowsRejected(), FileReconciliation.totalByReason(files));
    }
  }

  private final IngestRun run;
  private final Definitions definitions;
  private final ReferenceData reference;

  ReadValidateStage(IngestRun run, Definitions definitions, ReferenceData reference) {
    this.run = run;
    this.definitions = definitions;
    this.reference = reference;
  }

  Result run(PlanStage.Result plan) throws IOException {
    run.describe("validate " + plan.files().size() + " files");
    Path stagedBatch = new Path(run.staging(), "batch");
    ExportLineValidator validator =
        new ExportLineValidator(
            definitions.settings(),
            definitions.channelDefinitions(),
            new FxRateTable(reference.fxRates(), definitions.settings().reportingCurrency()));
    ExportReading.validatedRows(run.spark(), plan.reads(), validator)
        .write()
        .option("compression", "snappy")
        .parquet(stagedBatch.toString());
    CrashPoints.reached("ingest.validated");
    Dataset<Row> batch =
        run.spark().read().schema(ValidatedRows.SCHEMA).parquet(stagedBatch.toString());
    return new Result(stagedBatch, batch, reconcile(plan.files(), batch));
  }

  /**
   * Warns about surcharged orders, then applies the data-quality gate: on failure writes the
   * run's rejects to {@code failed-runs/<run-id>/}, deletes the staging and throws.
   */
  void gate(Result validated) throws IOException {
    long surcharged =
        validated.files().stream().mapToLong(FileReconciliation::surchargedOrders).sum();
    if (surcharged > 0) {
      StepLog.warn(
          surcharged + " orders carry a surcharge (a negative order-level discount), spread over"
              + " their lines like a discount (per file in the manifest)");
    }
    DataQualityGate.Verdict verdict =
        DataQualityGate.evaluate(
            validated.rowsRead(), validated.rowsRejected(), definitions.settings().maxRejectRatio());
    if (!verdict.passed()) {
      String message =
          verdict.message(
              FileReconciliation.totalByReason(validated.files()), firstReject(validated.batch()));
      Path failedRejects = run.warehouse().failedRunRejects(run.runId());
      RejectsTable.write(RejectsTable.of(validated.batch()), failedRejects);
      run.fs().delete(run.staging(), true);
      PublishJournal.deleteIfEmpty(run.fs(), run.warehouse().stagingRoot());
      throw new DataQualityGateException(message + "; rejected rows in " + failedRejects);
    }
  }

  /** Per-file counts from the staged rows: one small aggregation collected to the driver. */
  static List<FileReconciliation> reconcile(List<ExportFile> files, Dataset<Row> validated) {
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
  static DataQualityGate.FirstReject firstReject(Dataset<Row> validated) {
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
}
