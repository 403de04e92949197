package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.publish.CrashPoints;
import com.channelexpansion.testing.ChildJvm;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.DeltaCommits;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.testing.TableContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed at any point (a separate JVM halted as kill -9 would stop it) leaves the published
 * tables as they were, and the next run completes with outputs equal to an uninterrupted run's.
 */
class CrashRecoveryTest {
  private static final String AS_OF = "2026-10-31";

  @TempDir static Path dir;
  private static Path samples;
  private static Path referenceWarehouse;
  private static Path referenceReports;
  private static Path input;
  private static Path lastNightWarehouse;
  private static Path lastNightReports;

  @BeforeAll
  static void uninterruptedRunAndLastNight() throws IOException {
    SharedSpark.get();
    samples = SmallSamples.generate(dir.resolve("samples"));
    referenceWarehouse = dir.resolve("reference-warehouse");
    referenceReports = dir.resolve("reference-reports");
    assertEquals(0, runHere(samples.resolve("exports"), referenceWarehouse, referenceReports, "nightly"));
    // Last night's run, once: each test starts from a copy of what it left (a warehouse and its
    // reports name no absolute path), with 2026's exports arrived since.
    input = dir.resolve("input");
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> !file.startsWith("2026"));
    lastNightWarehouse = dir.resolve("last-night-warehouse");
    lastNightReports = dir.resolve("last-night-reports");
    assertEquals(0, runHere(input, lastNightWarehouse, lastNightReports, "nightly"));
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> file.startsWith("2026"));
  }

  private static List<String> options(Path input, Path warehouse, Path reports) {
    return List.of(
        "--input", input.toString(),
        "--reference", samples.resolve("reference").toString(),
        "--config", samples.resolve("config").toString(),
        "--warehouse", warehouse.toString(),
        "--reports", reports.toString(),
        "--as-of", AS_OF,
        "--master", "local[2]");
  }

  private static int runHere(Path input, Path warehouse, Path reports, String command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(options(input, warehouse, reports));
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
    assertTrue(code == 0 || !err.toString().isEmpty(), err.toString());
    return code;
  }

  /** Runs the command in a new JVM that halts at {@code crashPoint}; returns its exit code. */
  private static int runAndCrash(Path input, Path warehouse, Path reports, String command, String crashPoint)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(options(input, warehouse, reports));
    Process process =
        ChildJvm.start(
            System.getProperty("java.class.path"),
            List.of("-D" + CrashPoints.PROPERTY + "=" + crashPoint),
            java.util.Map.of(),
            Files.createTempFile(dir, "crashed-run", ".log"),
            ChannelExpansion.class.getName(),
            args);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the crashing run ends");
    return process.exitValue();
  }

  /** A warehouse holding all exports but 2026's, as last night's run left it, and tonight's input. */
  private static Path[] lastNight(String name) throws IOException {
    Path warehouse = dir.resolve(name + "-warehouse");
    Path reports = dir.resolve(name + "-reports");
    SmallSamples.copyTree(lastNightWarehouse, warehouse, file -> true);
    SmallSamples.copyTree(lastNightReports, reports, file -> true);
    return new Path[] {input, warehouse, reports};
  }

  private static void assertPublishedAsUninterrupted(Path warehouse, Path reports) throws IOException {
    for (String table : List.of("order_lines", "rejects")) {
      assertEquals(
          List.of(),
          TableContents.differences(referenceWarehouse.resolve(table), warehouse.resolve(table)),
          table);
    }
    assertEquals(
        List.of(),
        TableContents.differences(
            referenceReports.resolve("as_of=" + AS_OF), reports.resolve("as_of=" + AS_OF), "manifest.json", "state.json"));
  }

  @Test
  void killedDuringIngestLeavesTheWarehouseAsItWas() throws Exception {
    Path[] night = lastNight("during-ingest");
    // The lock's generation files are the job's own: each run takes a new one.
    List<String> before =
        SmallSamples.files(night[1]).stream().filter(file -> !file.startsWith("_lock/")).toList();
    Path orderLines = night[1].resolve("order_lines");
    Path snapshot = night[1].resolveSibling("order-lines-before-crash");
    SmallSamples.copyTree(orderLines, snapshot, file -> true);

    assertEquals(137, runAndCrash(night[0], night[1], night[2], "nightly", "ingest.validated"));
    assertEquals(List.of(), SmallSamples.differences(snapshot, orderLines), "published order_lines untouched");
    assertTrue(SmallSamples.files(night[1]).containsAll(before), "every published file still there");

    assertEquals(0, runHere(night[0], night[1], night[2], "nightly"), "the next run takes the dead lock");
    assertPublishedAsUninterrupted(night[1], night[2]);
  }

  @Test
  void killedAfterCommittingOrderLinesIsTakenBackAndRedoneByTheNextRun() throws Exception {
    Path[] night = lastNight("after-order-lines-commit");
    Path orderLines = night[1].resolve("order_lines");
    int commitsBefore = DeltaCommits.commits(orderLines).size();
    // Halts after order_lines' commit, before the ledger that vouches for it is published.
    assertEquals(137, runAndCrash(night[0], night[1], night[2], "nightly", "ingest.staged"));
    assertEquals(commitsBefore + 1, DeltaCommits.commits(orderLines).size(), "tonight's merge committed");

    assertEquals(0, runHere(night[0], night[1], night[2], "nightly"));
    assertPublishedAsUninterrupted(night[1], night[2]);
  }

  @Test
  void killedDuringPublishIsCompletedByTheNextRun() throws Exception {
    Path[] night = lastNight("during-publish");
    assertEquals(137, runAndCrash(night[0], night[1], night[2], "nightly", "ingest.committed"));
    assertEquals(0, runHere(night[0], night[1], night[2], "nightly"));
    assertPublishedAsUninterrupted(night[1], night[2]);
  }

  @Test
  void killedWhilePublishingReportsIsCompletedByTheNextRun() throws Exception {
    Path[] night = lastNight("during-report");
    assertEquals(137, runAndCrash(night[0], night[1], night[2], "nightly", "report.committed"));
    assertEquals(0, runHere(night[0], night[1], night[2], "nightly"));
    assertPublishedAsUninterrupted(night[1], night[2]);
  }
}
