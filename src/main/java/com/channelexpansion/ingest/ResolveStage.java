package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.publish.PublishJournal.Move;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderLinesDelta;
import com.channelexpansion.warehouse.OrderRefundColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ingest's third stage: keeps the latest version of each line (rule 2), credits the winners once
 * (rule 10, {@link RepCrediting}), commits order_lines and stages order_refunds and rejects.
 * order_lines is committed here, in one Delta commit: a night that only adds files
 * merges their versions ({@link OrderLinesTable#merge}); any other change resolves every current
 * version again ({@link VersionBatches#current}) and rewrites it. Either way order_lines equals a
 * full rebuild from the same files. The other tables are staged for {@link PublishStage}.
 */
final class ResolveStage {
  /**
   * What was staged.
   *
   * @param acceptedVersions accepted versions the ingested files stand for (duplicates included)
   * @param orderLineRows rows of order_lines after this run
   * @param merged whether tonight's files were merged (else every version was resolved)
   * @param moves the staged order_refunds (order_lines is committed already, its own commit)
   * @param stagedRejects the staged rejects/ table
   * @param ledger the ledger after this run
   * @param warnings the plan's warnings with the lines re-delivered files removed
   */
  record Result(
      long acceptedVersions,
      long orderLineRows,
      boolean merged,
      List<Move> moves,
      Path stagedRejects,
      IngestLedger ledger,
      IngestWarnings warnings) {

    /** Accepted versions that lost to a later version. */
    long duplicatesDropped() {
      return acceptedVersions - orderLineRows;
    }

    /** The step log's line. */
    String summary() {
      return String.format(
          "%d order lines from %d accepted versions of %d files (%s; order_lines version %d)",
          orderLineRows,
          acceptedVersions,
          ledger.files().size(),
          merged ? "merged tonight's files" : "resolved every version",
          ledger.orderLinesVersion());
    }
  }

  /** What either way of resolving order_lines leaves for the tables resolved alike. */
  private record Lines(
      long acceptedVersions,
      long orderLineRows,
      long version,
      Dataset<Row> rejects,
      Dataset<Row> refundVersions,
      RemovedLines removed) {}

  private final IngestRun run;
  private final ReferenceData reference;
  private final String commitNote;
  private final Runnable beforeCommit;

  /**
   * @param commitNote what order_lines' commit records as its userMetadata
   * @param beforeCommit throws to stop a run that may no longer publish, before its commit
   */
  ResolveStage(IngestRun run, ReferenceData reference, String commitNote, Runnable beforeCommit) {
    this.run = run;
    this.reference = reference;
    this.commitNote = commitNote;
    this.beforeCommit = beforeCommit;
  }

  Result run(PlanStage.Result plan, ReadValidateStage.Result validated) throws IOException {
    run.describe("resolve");
    PlanStage.Ledgers ledgers = plan.ledgers();
    IngestLedger ledger = ledgers.current();
    // A night that only adds files merges them into the winners; any other change (a file read
    // again, new definitions, new owners, a table of an earlier release) resolves every version
    // again. Both give the same table.
    boolean merge =
        plan.warehouseExists()
            && ledger.orderLinesVersion() != null
            && OrderLinesDelta.exists(run.spark(), run.warehouse().orderLines())
            && ledger.onlyAdds(plan.files())
            && ledger.acceptedVersions() > 0
            && ledgers.creditedAlike();
    Lines lines = merge ? merge(ledger, validated) : resolveAll(plan, validated);
    Path stagedRefunds = new Path(run.staging(), "order_refunds");
    run.describe("resolve order_refunds and rejects");
    OrderRefundsTable.write(OrderRefundsTable.latest(lines.refundVersions()), stagedRefunds);
    List<Move> moves =
        List.of(Move.of(stagedRefunds, run.warehouse().orderRefunds(), run.aside("order_refunds")));
    IngestLedger next =
        ledger.with(
            plan.files(), run.runId(), ledgers.validation(), ledgers.crediting(),
            lines.acceptedVersions(), lines.version(), merge);
    Path stagedRejects = new Path(run.staging(), "rejects");
    RejectsTable.write(lines.rejects(), stagedRejects);
    return new Result(
        lines.acceptedVersions(), lines.orderLineRows(), merge, moves, stagedRejects, next,
        plan.warnings().withRemovedLines(lines.removed()));
  }

  /** Merges tonight's versions into order_lines (one Delta MERGE). */
  private Lines merge(IngestLedger ledger, ReadValidateStage.Result validated) throws IOException {
    WarehouseLayout warehouse = run.warehouse();
    long acceptedVersions = ledger.acceptedVersions() + validated.rowsAccepted();
    SparkSessions.sizeShufflesFor(run.spark(), acceptedVersions);
    run.describe("resolve: merge tonight's lines into order_lines");
    beforeCommit.run();
    if (OrderLinesTable.restore(run.spark(), warehouse.orderLines(), ledger.orderLinesVersion())) {
      StepLog.info(
          "order_lines restored to version " + ledger.orderLinesVersion()
              + ", the last the ledger vouches for (a run was stopped after its commit)");
    }
    // Counted before the merge from the file statistics of the latest version, the one the merge
    // merges into (after the restore it holds the vouched version's rows); afterwards the
    // commit's own metrics say how many lines it added.
    long rowsBefore = OrderLinesDelta.latestRowCount(run.spark(), warehouse.orderLines());
    OrderLinesDelta.Commit merged =
        OrderLinesTable.merge(
            run.spark(), warehouse.orderLines(), accepted(validated.batch()),
            validated.rowsAccepted(), this::credited, commitNote);
    long version = merged.version();
    long orderLineRows = rowsBefore + merged.rowsAddedByMerge();
    Dataset<Row> rejects =
        RejectsTable.read(run.spark(), warehouse.rejects()).unionByName(RejectsTable.of(validated.batch()));
    Dataset<Row> refundVersions =
        OrderRefundColumns.read(run.spark(), run.fs(), warehouse.orderRefunds())
            .unionByName(OrderRefundsTable.versionsIn(validated.batch()));
    return new Lines(acceptedVersions, orderLineRows, version, rejects, refundVersions, RemovedLines.NONE);
  }

  /** Resolves every version the ingested files stand for into a new order_lines (one commit). */
  private Lines resolveAll(PlanStage.Result plan, ReadValidateStage.Result validated) throws IOException {
    WarehouseLayout warehouse = run.warehouse();
    IngestLedger ledger = plan.ledgers().current();
    Dataset<Row> versions = VersionBatches.current(run, ledger, plan.files(), validated.batch());
    // Into an empty warehouse the versions are this run's, already counted per file.
    long acceptedVersions =
        ledger.files().isEmpty() ? validated.rowsAccepted() : accepted(versions).count();
    SparkSessions.sizeShufflesFor(run.spark(), acceptedVersions);
    run.describe("resolve every version into order_lines");
    PreviousOrderLines previous = PreviousOrderLines.setAside(run);
    beforeCommit.run();
    long version =
        OrderLinesTable.overwrite(run.spark(), warehouse.orderLines(), accepted(versions), this::credited, commitNote);
    Dataset<Row> written = OrderLinesDelta.read(run.spark(), warehouse.orderLines(), version);
    long orderLineRows = written.count();
    run.describe("resolve: lines removed from re-delivered files");
    RemovedLines removed =
        previous.removedBy(written, plan.ledgers().stored().redelivered(plan.files()));
    previous.dropLegacy();
    return new Lines(
        acceptedVersions, orderLineRows, version, RejectsTable.of(versions),
        OrderRefundsTable.versionsIn(versions), removed);
  }

  /** The accepted rows of staged rows, with the order_lines columns except crediting's. */
  private static Dataset<Row> accepted(Dataset<Row> validated) {
    return validated
        .where(col(ValidatedRows.REJECT_REASON).isNull())
        .drop(ValidatedRows.NOT_IN_ORDER_LINES)
        .drop(VersionBatches.BATCH);
  }

  /** Credits the winners (rule 10) and selects the table's columns: the one place lines are credited. */
  private Dataset<Row> credited(Dataset<Row> winners) {
    return RepCrediting.credit(winners, reference.accounts(), reference.reps())
        .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));
  }
}
