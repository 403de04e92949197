package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.publish.ParquetTableWriter;
import com.channelexpansion.publish.PublishJournal.Move;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.SparkSessions;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderLinesFolder;
import com.channelexpansion.warehouse.OrderRefundColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ingest's third stage: keeps the latest version of each line (rule 2), credits the winners once
 * (rule 10, {@link RepCrediting}), and stages order_lines, the run's changes, order_refunds and
 * rejects. A night that only adds files merges their versions into the months they touch ({@link
 * OrderLinesTable#merge}); any other change resolves every current version again ({@link
 * VersionBatches#current}). Either way order_lines equals a full rebuild from the same files.
 */
final class ResolveStage {
  /**
   * What was staged.
   *
   * @param acceptedVersions accepted versions the ingested files stand for (duplicates included)
   * @param orderLineRows rows of order_lines after this run
   * @param merged whether tonight's files were merged (else every version was resolved)
   * @param moves the staged order_lines (or its months), changes and order_refunds, in publish order
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
          "%d order lines from %d accepted versions of %d files (%s)",
          orderLineRows,
          acceptedVersions,
          ledger.files().size(),
          merged ? "merged tonight's files" : "resolved every version");
    }
  }

  /** What either way of resolving order_lines leaves for the tables resolved alike. */
  private record Lines(
      long acceptedVersions,
      long orderLineRows,
      List<Move> moves,
      Dataset<Row> rejects,
      Dataset<Row> refundVersions,
      RemovedLines removed) {}

  private final IngestRun run;
  private final ReferenceData reference;

  ResolveStage(IngestRun run, ReferenceData reference) {
    this.run = run;
    this.reference = reference;
  }

  Result run(PlanStage.Result plan, ReadValidateStage.Result validated) throws IOException {
    run.describe("resolve");
    PlanStage.Ledgers ledgers = plan.ledgers();
    IngestLedger ledger = ledgers.current();
    // A night that only adds files merges them into the winners; any other change (a file read
    // again, new definitions, new owners) resolves every version again. Both give the same table.
    boolean merge =
        plan.warehouseExists()
            && OrderLinesFolder.byMonth(run.fs(), run.warehouse().orderLines())
            && ledger.onlyAdds(plan.files())
            && ledger.acceptedVersions() > 0
            && ledgers.creditedAlike();
    Lines lines = merge ? merge(ledger, validated) : resolveAll(plan, validated);
    Path stagedRefunds = new Path(run.staging(), "order_refunds");
    run.describe("resolve order_refunds and rejects");
    OrderRefundsTable.write(OrderRefundsTable.latest(lines.refundVersions()), stagedRefunds);
    List<Move> moves = new ArrayList<>(lines.moves());
    moves.add(Move.of(stagedRefunds, run.warehouse().orderRefunds(), run.aside("order_refunds")));
    IngestLedger next =
        ledger.with(
            plan.files(), run.runId(), ledgers.validation(), ledgers.crediting(),
            lines.acceptedVersions(), merge);
    Path stagedRejects = new Path(run.staging(), "rejects");
    RejectsTable.write(lines.rejects(), stagedRejects);
    return new Result(
        lines.acceptedVersions(), lines.orderLineRows(), merge, moves, stagedRejects, next,
        plan.warnings().withRemovedLines(lines.removed()));
  }

  /** Merges tonight's versions into the months of order_lines they touch. */
  private Lines merge(IngestLedger ledger, ReadValidateStage.Result validated) throws IOException {
    WarehouseLayout warehouse = run.warehouse();
    long acceptedVersions = ledger.acceptedVersions() + validated.rowsAccepted();
    SparkSessions.sizeShufflesFor(run.spark(), acceptedVersions);
    run.describe("resolve: find the order_lines months tonight's lines touch");
    OrderLinesTable.Merge merged =
        OrderLinesTable.merge(
            run.spark(), warehouse.orderLines(), accepted(validated.batch()),
            validated.rowsAccepted(), this::credited);
    run.describe("resolve: merge into order_lines months " + String.join(",", merged.months()));
    Path stagedOrderLines = new Path(run.staging(), "order_lines");
    SortedMap<String, Long> written = OrderLinesTable.write(merged.monthsRows(), stagedOrderLines);
    long orderLineRows =
        rowsOutside(merged.months()) + written.values().stream().mapToLong(Long::longValue).sum();
    List<Move> moves = new ArrayList<>();
    for (String month : merged.months()) {
      Path target = OrderLinesFolder.monthFolder(warehouse.orderLines(), month);
      Path aside = run.aside("order_lines/" + target.getName());
      moves.add(
          written.containsKey(month)
              ? Move.of(OrderLinesFolder.monthFolder(stagedOrderLines, month), target, aside)
              : Move.removal(target, aside));
    }
    Path stagedChanges = new Path(run.staging(), "changes");
    run.describe("resolve: record the changed customers and months");
    ParquetTableWriter.writeSingleFile(
        merged.changed(), stagedChanges, Columns.named(OrderLineColumns.CUSTOMER_ID, OrderLineColumns.MONTH));
    moves.add(Move.of(stagedChanges, warehouse.changesOf(run.runId()), run.aside("changes")));
    Dataset<Row> rejects =
        RejectsTable.read(run.spark(), warehouse.rejects()).unionByName(RejectsTable.of(validated.batch()));
    Dataset<Row> refundVersions =
        OrderRefundColumns.read(run.spark(), run.fs(), warehouse.orderRefunds())
            .unionByName(OrderRefundsTable.versionsIn(validated.batch()));
    return new Lines(acceptedVersions, orderLineRows, moves, rejects, refundVersions, RemovedLines.NONE);
  }

  /** Rows of the published months a merge leaves alone, from their Parquet footers. */
  private long rowsOutside(SortedSet<String> months) throws IOException {
    long kept = 0;
    for (FileStatus month : OrderLinesFolder.monthFolders(run.fs(), run.warehouse().orderLines())) {
      if (!months.contains(OrderLinesFolder.monthOf(month.getPath()))) {
        kept += ParquetTableWriter.rowsIn(run.fs(), month.getPath());
      }
    }
    return kept;
  }

  /** Resolves every version the ingested files stand for into a new order_lines. */
  private Lines resolveAll(PlanStage.Result plan, ReadValidateStage.Result validated) throws IOException {
    WarehouseLayout warehouse = run.warehouse();
    IngestLedger ledger = plan.ledgers().current();
    Dataset<Row> versions = VersionBatches.current(run, ledger, plan.files(), validated.batch());
    // Into an empty warehouse the versions are this run's, already counted per file.
    long acceptedVersions =
        ledger.files().isEmpty() ? validated.rowsAccepted() : accepted(versions).count();
    SparkSessions.sizeShufflesFor(run.spark(), acceptedVersions);
    run.describe("resolve every version into order_lines");
    Dataset<Row> orderLines = credited(LatestVersions.keepLatest(accepted(versions)));
    Path stagedOrderLines = new Path(run.staging(), "order_lines");
    long orderLineRows =
        OrderLinesTable.write(orderLines, stagedOrderLines).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    run.fs().mkdirs(stagedOrderLines); // a warehouse with no accepted line still has the table
    run.describe("resolve: lines removed from re-delivered files");
    RemovedLines removed =
        RemovedLines.between(
            run.spark(), run.fs(), warehouse.orderLines(), stagedOrderLines,
            plan.ledgers().stored().redelivered(plan.files()));
    List<Move> moves = new ArrayList<>();
    moves.add(Move.of(stagedOrderLines, warehouse.orderLines(), run.aside("order_lines")));
    // Changes recorded so far are relative to the table this run replaces.
    moves.add(Move.removal(warehouse.changes(), run.aside("changes")));
    return new Lines(
        acceptedVersions, orderLineRows, moves, RejectsTable.of(versions),
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
