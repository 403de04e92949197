package com.channelexpansion.ingest;

import com.channelexpansion.publish.CrashPoints;
import com.channelexpansion.publish.JsonDocument;
import com.channelexpansion.publish.PublishJournal;
import com.channelexpansion.publish.PublishJournal.Move;
import com.channelexpansion.publish.Versions;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Ingest's last stage: stages the ledger and the manifest, then publishes everything the run
 * staged (its batch, order_lines or its months, changes, order_refunds, rejects, ledger,
 * manifest) in one {@link PublishJournal} commit, and deletes the staging and the batches no file
 * stands for any more. The caller holds the warehouse lock; {@code beforeCommit} throws to stop a
 * run that may no longer publish, and then nothing of the run is published.
 */
final class PublishStage {
  private final IngestRun run;
  private final Runnable beforeCommit;

  PublishStage(IngestRun run, Runnable beforeCommit) {
    this.run = run;
    this.beforeCommit = beforeCommit;
  }

  void run(IngestResult result, ReadValidateStage.Result validated, ResolveStage.Result resolved)
      throws IOException {
    run.describe("publish");
    WarehouseLayout warehouse = run.warehouse();
    Path stagedLedger = new Path(run.staging(), "ledger.json");
    resolved.ledger().write(run.fs(), stagedLedger);
    Path stagedManifest = new Path(run.staging(), "ingest_manifest.json");
    JsonDocument.write(IngestManifest.of(result, Versions.of(run.spark())), stagedManifest, run.conf());
    CrashPoints.reached("ingest.staged");
    beforeCommit.run();
    List<Move> moves = new ArrayList<>();
    moves.add(Move.of(validated.stagedBatch(), warehouse.batch(run.runId()), run.aside("batch")));
    moves.addAll(resolved.moves());
    moves.add(Move.of(resolved.stagedRejects(), warehouse.rejects(), run.aside("rejects")));
    moves.add(Move.of(stagedLedger, warehouse.ledger(), run.aside("ledger.json")));
    moves.add(Move.of(stagedManifest, warehouse.ingestManifest(), run.aside("ingest_manifest.json")));
    PublishJournal.commit(
        run.fs(), warehouse.journal(), run.runId(), moves, () -> CrashPoints.reached("ingest.committed"));
    run.fs().delete(run.staging(), true);
    PublishJournal.deleteIfEmpty(run.fs(), warehouse.stagingRoot());
    VersionBatches.dropDead(run.fs(), warehouse, resolved.ledger());
  }
}
