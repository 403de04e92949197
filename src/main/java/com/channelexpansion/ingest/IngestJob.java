package com.channelexpansion.ingest;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.spark.JobDescriptions;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.io.Json;
import com.channelexpansion.warehouse.OrderLinesDelta;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Ingest: reads the export files the warehouse does not hold yet, validates each record (rule 1),
 * keeps the latest version of each line over everything ingested (rule 2), credits it (rule 10)
 * and publishes {@code order_lines/} and {@code rejects/}, with a manifest reconciling rows read,
 * accepted and rejected per file. In four stages: {@link PlanStage} (the ledger and the files to
 * read), {@link ReadValidateStage} (the staged batch, per-file counts, the data-quality gate),
 * {@link ResolveStage} (order_lines, order_refunds, rejects, credited once) and {@link
 * PublishStage}.
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
  /** A rough size of one export line (the generated ones average 110 bytes): only sizes steps. */
  private static final long TYPICAL_LINE_BYTES = 100;

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
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    IngestRun run = new IngestRun(spark, conf, warehouse.fileSystem(conf), warehouse, runId);
    try (JobDescriptions.Scope scope = JobDescriptions.describe(spark, run.stage("find"))) {
      // The result holds this map: the publish step's seconds, added after the warehouse's
      // manifest is written, still reach the caller.
      Map<String, Double> seconds = new LinkedHashMap<>();
      StepLog findLog = StepLog.start("find");
      PlanStage.Result plan = new PlanStage(run, inputDir, formats).run(definitions, reference);
      seconds.put("find", findLog.done(plan.summary(inputDir)));
      if (plan.nothingNew()) {
        return unchanged(run, plan, seconds);
      }

      // Sized by the bytes to read: tonight's few thousand lines are interpreted, not compiled.
      SparkSessions.sizeShufflesFor(spark, plan.bytes() / TYPICAL_LINE_BYTES);
      StepLog validateLog = StepLog.start("validate");
      ReadValidateStage readValidate = new ReadValidateStage(run, definitions, reference);
      ReadValidateStage.Result validated = readValidate.run(plan);
      seconds.put("validate", validateLog.done(validated.summary()));
      readValidate.gate(validated);

      StepLog resolveLog = StepLog.start("resolve");
      ResolveStage.Result resolved =
          new ResolveStage(run, reference, commitNote(plan), beforeCommit).run(plan, validated);
      seconds.put("resolve", resolveLog.done(resolved.summary()));

      StepLog publishLog = StepLog.start("publish");
      IngestResult result =
          new IngestResult(
              runId, validated.files(), plan.unchanged(), plan.duplicateDeliveries(),
              plan.headerless(), resolved.duplicatesDropped(), resolved.orderLineRows(),
              resolved.ledger().orderLinesVersion(), true,
              seconds, resolved.warnings());
      new PublishStage(run, beforeCommit).run(result, validated, resolved);
      seconds.put("publish", publishLog.done("warehouse at " + warehouse.root()));
      return result;
    }
  }

  /**
   * What order_lines' commit records (its userMetadata): the run and the definitions its lines
   * were validated and credited with, so a past version says what made it.
   */
  private String commitNote(PlanStage.Result plan) throws IOException {
    Map<String, String> note = new LinkedHashMap<>();
    note.put("run", runId);
    note.put("validation", plan.ledgers().validation());
    note.put("crediting", plan.ledgers().crediting());
    return Json.MAPPER.writeValueAsString(note);
  }

  /** The result of a run that found nothing new: the warehouse as it was. */
  private IngestResult unchanged(IngestRun run, PlanStage.Result plan, Map<String, Double> seconds)
      throws IOException {
    long version = plan.ledgers().stored().orderLinesVersion();
    long orderLines = OrderLinesDelta.read(spark, warehouse.orderLines(), version).count();
    StepLog.info("Nothing new to ingest: the warehouse is unchanged");
    return new IngestResult(
        runId, List.of(), plan.unchanged(), plan.duplicateDeliveries(), plan.headerless(), 0,
        orderLines, version, false, seconds, plan.warnings());
  }
}
