package com.channelexpansion.ingest;

import com.channelexpansion.ingest.formats.SourceFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Settings;
import com.channelexpansion.testing.DeltaCommits;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.TableContents;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly ingest reads only what is new, and the warehouse it leaves always equals a full rebuild
 * from the same files.
 */
class IncrementalIngestTest {
  @TempDir static Path dir;
  private static Path samples;
  private static Path fullRebuild;
  private static Definitions definitions;
  private static ReferenceData reference;

  @BeforeAll
  static void generate() {
    samples = SmallSamples.generate(dir.resolve("samples"));
    definitions = SmallSamples.definitions(samples);
    reference = SmallSamples.reference(samples);
  }

  private static IngestResult ingest(Path input, Path warehouse, String runId, Definitions defs)
      throws IOException {
    return new IngestJob(
            SharedSpark.get(), defs, reference, input.toString(), SourceFormats.allCanonical(),
            new WarehouseLayout(warehouse.toString()), runId)
        .execute();
  }

  /** Every sample export ingested into an empty warehouse, once: the tests only read it. */
  private static Path fullRebuild() throws IOException {
    if (fullRebuild == null) {
      Path full = dir.resolve("full-warehouse");
      ingest(samples.resolve("exports"), full, "full");
      fullRebuild = full;
    }
    return fullRebuild;
  }

  private static IngestResult ingest(Path input, Path warehouse, String runId) throws IOException {
    return ingest(input, warehouse, runId, definitions);
  }

  private static void assertSameTables(Path expected, Path actual) throws IOException {
    for (String table : List.of("order_lines", "rejects")) {
      assertEquals(
          List.of(), TableContents.differences(expected.resolve(table), actual.resolve(table)), table);
    }
  }

  @Test
  void aNightMergesIntoTheMonthsItsLinesTouchOnly() throws IOException {
    String header = "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,currency,updated_at\n";
    Path input = dir.resolve("months-input");
    Files.createDirectories(input);
    Files.writeString(
        input.resolve("a.csv"),
        header
            + "M1,1,2025-01-15T10:00:00Z,C00001,WEB,1,10,USD,2025-01-15T10:00:00Z\n"
            + "M2,1,2025-02-15T10:00:00Z,C00001,WEB,1,10,USD,2025-02-15T10:00:00Z\n"
            + "M3,1,2025-03-15T10:00:00Z,C00001,WEB,1,10,USD,2025-03-15T10:00:00Z\n");
    Path nightly = dir.resolve("months-warehouse");
    ingest(input, nightly, "months-1");

    // M1 is moved to February by a later version (January is left empty); M4 opens April.
    Files.writeString(
        input.resolve("b.csv"),
        header
            + "M1,1,2025-02-20T10:00:00Z,C00001,WEB,2,10,USD,2025-02-21T10:00:00Z\n"
            + "M4,1,2025-04-15T10:00:00Z,C00001,WEB,1,10,USD,2025-04-15T10:00:00Z\n");
    IngestResult night = ingest(input, nightly, "months-2");
    assertEquals(4, night.orderLines());
    // The night's one commit adds or removes files of January (M1's old version), February and
    // April only: March's file is neither read for rewriting nor replaced.
    List<String> touched = DeltaCommits.filesTouchedByLatest(nightly.resolve("order_lines"));
    assertEquals(
        List.of("month=2025-01", "month=2025-02", "month=2025-04"),
        touched.stream().map(file -> file.substring(0, file.indexOf('/'))).distinct().sorted().toList(),
        touched.toString());
    assertFalse(Files.exists(nightly.resolve("_replaced")), "nothing left aside");

    Path full = dir.resolve("months-full");
    ingest(input, full, "months-full");
    assertSameTables(full, nightly);
  }

  @Test
  void aWarehouseOfAnEarlierReleaseIsConvertedByItsNextIngest() throws IOException {
    Path input = dir.resolve("legacy-input");
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> !file.startsWith("2026"));
    Path warehouse = dir.resolve("legacy-warehouse");
    ingest(input, warehouse, "legacy-1");
    // As an earlier release left it: order_lines as plain Parquet by month, a ledger naming runs.
    Path orderLines = warehouse.resolve("order_lines");
    Path parquet = dir.resolve("legacy-parquet");
    TableContents.orderLines(warehouse).write().partitionBy("month").parquet(parquet.toString());
    try (java.util.stream.Stream<Path> delta = Files.walk(orderLines)) {
      for (Path file : delta.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    Files.move(parquet, orderLines);
    Path ledger = warehouse.resolve("_state/ledger.json");
    Files.writeString(
        ledger,
        Files.readString(ledger)
            .replaceAll("\"orderLinesVersion\":\\d+", "\"resolvedBy\":\"legacy-1\"")
            .replaceAll("\"rewrittenAtVersion\":\\d+", "\"mergedSince\":[]"));

    SmallSamples.copyTree(samples.resolve("exports"), input, file -> file.startsWith("2026"));
    IngestResult converted = ingest(input, warehouse, "legacy-2");
    assertTrue(Files.isDirectory(orderLines.resolve("_delta_log")), "order_lines is a Delta table now");
    assertFalse(Files.exists(warehouse.resolve("_replaced")), "the Parquet table is gone");
    Path full = fullRebuild();
    assertSameTables(full, warehouse);
    assertEquals(TableContents.orderLines(full).count(), converted.orderLines());
  }

  @Test
  void laterNightsReadOnlyNewFilesAndEqualAFullRebuild() throws IOException {
    Path exports = samples.resolve("exports");
    Path input = dir.resolve("nightly-input");
    SmallSamples.copyTree(exports, input, file -> !file.startsWith("2026"));
    Path nightly = dir.resolve("nightly-warehouse");
    IngestResult first = ingest(input, nightly, "night-1");
    assertTrue(first.published());

    SmallSamples.copyTree(exports, input, file -> file.startsWith("2026"));
    IngestResult second = ingest(input, nightly, "night-2");
    long newFiles = SmallSamples.files(exports.resolve("2026")).stream()
        .filter(f -> f.toLowerCase().endsWith(".csv") && !f.startsWith(".") && !f.contains("/."))
        .count();
    assertTrue(second.files().size() <= newFiles && second.files().size() > 0, "only 2026 files read");
    assertTrue(second.files().stream().allMatch(f -> f.sourceFile().startsWith("2026/")));
    assertEquals(first.files().size(), second.filesUnchanged());

    Path full = fullRebuild();
    assertSameTables(full, nightly);
    // The merge's count comes from the table's statistics and its commit's metrics.
    assertEquals(TableContents.orderLines(full).count(), second.orderLines(), "order lines after the merge");

    Path before = dir.resolve("order-lines-before-rerun");
    SmallSamples.copyTree(nightly.resolve("order_lines"), before, file -> true);
    IngestResult rerun = ingest(input, nightly, "night-2-again");
    assertFalse(rerun.published(), "a rerun of the same night changes nothing");
    assertEquals(0, rerun.rowsRead());
    assertEquals(List.of(), SmallSamples.differences(before, nightly.resolve("order_lines")));
  }

  @Test
  void aChangedFileReplacesTheRowsItBroughtBefore() throws IOException {
    Path input = dir.resolve("changed-input");
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> true);
    Path warehouse = dir.resolve("changed-warehouse");
    ingest(input, warehouse, "before");
    String changed = "2025/orders-2025-06-02.csv";
    assertTrue(Files.exists(input.resolve(changed)), "the sample has " + changed);
    Files.writeString(
        input.resolve(changed),
        "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,currency\n"
            + "CHANGED-1,1,2025-06-02T10:00:00Z,C00001,WEB,2,5,USD\n");

    IngestResult after = ingest(input, warehouse, "after");
    assertEquals(List.of(changed), after.files().stream().map(FileReconciliation::sourceFile).toList());
    var orderLines = TableContents.orderLines(warehouse);
    assertEquals(
        List.of("CHANGED-1"),
        orderLines.where(functions.col("source_file").equalTo(changed)).select("order_id")
            .as(org.apache.spark.sql.Encoders.STRING()).collectAsList(),
        "the file's earlier rows are gone, its new row is in");

    Path full = dir.resolve("changed-full");
    ingest(input, full, "full");
    assertSameTables(full, warehouse);
  }

  @Test
  void aFileDeliveredTwiceUnderAnotherNameIsReadOnce() throws IOException {
    Path input = dir.resolve("twice-input");
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> true);
    Path warehouse = dir.resolve("twice-warehouse");
    ingest(input, warehouse, "first");
    Files.copy(input.resolve("2025/orders-2025-06-02.csv"), input.resolve("resent-orders-2025-06-02.csv"));
    IngestResult again = ingest(input, warehouse, "second");
    assertEquals(0, again.rowsRead());
    assertEquals(1, again.duplicateDeliveries().size(), again.duplicateDeliveries().toString());
    assertFalse(again.published());
  }

  @Test
  void changedChannelDefinitionsOrTimeZoneReadEveryExportAgain() throws IOException {
    Path warehouse = dir.resolve("redefined-warehouse");
    IngestResult first = ingest(samples.resolve("exports"), warehouse, "first");
    Settings old = definitions.settings();
    Definitions otherZone =
        new Definitions(
            new Settings(old.reportingCurrency(), ZoneId.of("Europe/Paris"), old.programStart(),
                old.maxRejectRatio(), old.quoteConvertsToAssisted(), old.baselinePlan()),
            definitions.channelDefinitions(), definitions.commissionPlans(), definitions.commissionTiers());
    IngestResult second = ingest(samples.resolve("exports"), warehouse, "second", otherZone);
    assertEquals(first.files().size(), second.files().size(), "every file read again");
    assertEquals(first.rowsRead(), second.rowsRead());
    Path full = dir.resolve("redefined-full");
    ingest(samples.resolve("exports"), full, "full", otherZone);
    assertSameTables(full, warehouse);
  }
}
