package com.channelexpansion.ingest;

import com.channelexpansion.ingest.formats.SourceFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.Channel;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.FxRate;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Rep;
import com.channelexpansion.config.Settings;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.TableContents;
import com.channelexpansion.warehouse.OrderLinesDelta;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.RejectColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole ingest on hand-made export files: reconciliation per file, every reject reason with
 * its line, the winning versions, the written types, byte-identical reruns and the gate.
 */
class IngestJobTest {
  private static final String HEADER =
      "Order_ID, line_number ,ORDER_TIMESTAMP,customer_id,order_source,sales_rep_id,quote_id,sku,"
          + "quantity,unit_price,discount_amount,currency,order_status,updated_at,notes";

  @TempDir Path dir;

  private static Definitions definitions(String maxRejectRatio) {
    Settings settings =
        new Settings(
            "USD",
            ZoneId.of("America/Chicago"),
            LocalDate.of(2025, 1, 1),
            new BigDecimal(maxRejectRatio),
            true,
            null);
    return new Definitions(
        settings,
        List.of(
            new ChannelDefinition("WEB", Channel.ONLINE, "Web shop checkout"),
            new ChannelDefinition("PHONE", Channel.SALES_ASSISTED, "Order taken by phone")),
        List.of(),
        List.of());
  }

  private static ReferenceData reference() {
    return new ReferenceData(
        List.of(new Account("C1", "Acme", "R1", "NORTH")),
        List.of(new Rep("R1", "Rep One", "T", "NORTH"), new Rep("R2", "Rep Two", "T", "SOUTH")),
        List.of(),
        List.of(new FxRate(LocalDate.of(2025, 1, 1), "EUR", new BigDecimal("1.1"))));
  }

  /** Writes the exports: a.csv (BOM, CRLF), b/b.csv, and files that must be skipped. */
  private Path writeExports() throws IOException {
    Path input = dir.resolve("exports");
    String a =
        "\uFEFF"
            + HEADER
            + "\r\n"
            // line 2: accepted; re-exported with a later updated_at in b/b.csv (loses)
            + "O1,1,2025-03-01T10:00:00Z,C1,web,,,S1,2,10.005,0,USD,,2025-03-01T10:00:00Z,\r\n"
            // line 3: accepted, EUR, no rep -> owner R1; quote on PHONE keeps SALES_ASSISTED
            + "O1,2,2025-03-01T10:00:00Z,C1,PHONE,,Q9,S2,1,100,0.5,eur,,,\r\n"
            // line 4: blank (not a record, counts for line numbers)
            + "  \r\n"
            // line 5-6: a multi-line quoted note, accepted; WEB with a quote -> SALES_ASSISTED
            + "O2,1,2025-03-02 23:30,C2,WEB,R2,Q1,S3,1,5,0,USD,,,\"two\r\nlines\"\r\n"
            // line 7: malformed (one field short)
            + "O3,1,2025-03-02T10:00:00Z,C2,WEB,,,S1,1,5,0,USD,,\r\n"
            // line 8: missing_required_field (customer_id empty) and a bad number
            + "O4,1,2025-03-02T10:00:00Z,,WEB,,,S1,x,5,0,USD,,,\r\n"
            // line 9: invalid_number
            + "O5,1,2025-03-02T10:00:00Z,C2,WEB,,,S1,\"1,000\",5,0,USD,,,\r\n"
            // line 10: invalid_timestamp
            + "O6,1,2025-03-32T10:00:00Z,C2,WEB,,,S1,1,5,0,USD,,,\r\n"
            // line 11: negative_price
            + "O7,1,2025-03-02T10:00:00Z,C2,WEB,,,S1,1,-5,0,USD,,,\r\n"
            // line 12: unknown_order_source
            + "O8,1,2025-03-02T10:00:00Z,C2,FAX,,,S1,1,5,0,USD,,,\r\n"
            // line 13: missing_fx_rate (before the first EUR rate)
            + "O9,1,2024-12-31T10:00:00Z,C2,WEB,,,S1,1,5,0,EUR,,,\r\n"
            // line 14: cancelled line is accepted (kept in the warehouse)
            + "O10,1,2025-03-03T10:00:00Z,C2,WEB,,,S1,1,5,0,USD,Canceled,,\r\n";
    String b =
        HEADER
            + "\n"
            // line 2: the later version of O1/1: quantity 3
            + "O1,1,2025-03-01T10:00:00Z,C1,WEB,R9,,S1,3,10.005,0,USD,,2025-03-05T00:00:00Z,\n";
    Files.createDirectories(input.resolve("b"));
    Files.createDirectories(input.resolve(".hidden"));
    Files.writeString(input.resolve("a.csv"), a, StandardCharsets.UTF_8);
    Files.writeString(input.resolve("b/b.csv"), b, StandardCharsets.UTF_8);
    Files.writeString(input.resolve("_partial.csv"), "garbage\n", StandardCharsets.UTF_8);
    Files.writeString(input.resolve(".hidden/x.csv"), "garbage\n", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("empty.CSV"), "\n\n", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("notes.txt"), "not an export", StandardCharsets.UTF_8);
    return input;
  }

  private IngestResult ingest(Path input, Path warehouse, String maxRejectRatio, String runId)
      throws IOException {
    return new IngestJob(
            SharedSpark.get(),
            definitions(maxRejectRatio),
            reference(),
            input.toString(),
            SourceFormats.allCanonical(),
            new WarehouseLayout(warehouse.toString()),
            runId)
        .execute();
  }

  @Test
  void ingestReconcilesEveryRowAndKeepsTheLatestVersion() throws IOException {
    Path input = writeExports();
    Path warehouse = dir.resolve("warehouse");
    IngestResult result = ingest(input, warehouse, "0.9", "run-1");

    Map<String, FileReconciliation> byFile =
        result.files().stream()
            .collect(Collectors.toMap(FileReconciliation::sourceFile, f -> f));
    assertEquals(List.of("a.csv", "b/b.csv"), List.copyOf(new TreeMap<>(byFile).keySet()));
    assertEquals(List.of("empty.CSV"), result.headerlessFiles());
    FileReconciliation a = byFile.get("a.csv");
    // 12 records: 4 accepted (lines 2, 3, 5, 14) and 7 rejected, one of each reason.
    assertEquals(11, a.rowsRead());
    assertEquals(4, a.rowsAccepted());
    assertEquals(
        Map.of(
            "malformed_row", 1L,
            "missing_required_field", 1L,
            "invalid_number", 1L,
            "invalid_timestamp", 1L,
            "negative_price", 1L,
            "unknown_order_source", 1L,
            "missing_fx_rate", 1L),
        a.rejectedByReason());
    assertEquals(1, byFile.get("b/b.csv").rowsRead());
    assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected());
    assertEquals(1, result.duplicatesDropped(), "O1/1 arrived twice");
    assertEquals(4, result.orderLines());

    SparkSession spark = SharedSpark.get();
    Map<String, Long> rejectLines =
        spark.read().parquet(warehouse.resolve("rejects").toString()).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs(RejectColumns.REASON),
                    r -> r.<Long>getAs(RejectColumns.SOURCE_LINE)));
    assertEquals(
        Map.of(
            "malformed_row", 7L,
            "missing_required_field", 8L,
            "invalid_number", 9L,
            "invalid_timestamp", 10L,
            "negative_price", 11L,
            "unknown_order_source", 12L,
            "missing_fx_rate", 13L),
        rejectLines);
    Dataset<Row> rejects = spark.read().parquet(warehouse.resolve("rejects").toString());
    assertEquals(
        List.of("source_file", "source_line", "reason", "detail", "raw_record"),
        List.of(rejects.schema().fieldNames()));
    Map<Long, String> details =
        rejects.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<Long>getAs(RejectColumns.SOURCE_LINE),
                    r -> r.<String>getAs(RejectColumns.DETAIL)));
    assertEquals(
        Map.of(
            7L, "record: 14 fields, header has 15",
            8L, "customer_id: empty",
            9L, "quantity: '1,000' has a thousands separator",
            10L,
                "order_timestamp: '2025-03-32T10:00:00Z' is not a timestamp"
                    + " (no such date, time or offset)",
            11L, "unit_price: -5 is negative",
            12L, "order_source: 'FAX' has no channel definition",
            13L, "currency: no EUR rate on or before 2024-12-31"),
        details);

    Map<String, Row> lines =
        TableContents.orderLines(warehouse).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("order_id") + "/" + r.getAs("line_number"), r -> r));
    Row o11 = lines.get("O1/1");
    assertEquals("b/b.csv", o11.getAs("source_file"), "the later updated_at wins");
    // 3 * 10.005 = 30.015 -> HALF_UP 30.02
    assertEquals(0, new BigDecimal("30.02").compareTo(o11.getAs("amount")));
    assertEquals("HOUSE", o11.getAs("credited_rep_id"), "R9 is not in reps.csv");
    Row o12 = lines.get("O1/2");
    // (1 * 100 - 0.5) * 1.1 = 109.45
    assertEquals(0, new BigDecimal("109.45").compareTo(o12.getAs("amount")));
    assertEquals("SALES_ASSISTED", o12.getAs("channel"));
    assertEquals("ORDER_SOURCE_DEFINITION", o12.getAs("channel_rule"));
    assertEquals("R1", o12.getAs("credited_rep_id"), "no sales rep: the account owner");
    assertEquals(3L, o12.<Long>getAs("source_line"));
    Row o21 = lines.get("O2/1");
    assertEquals("SALES_ASSISTED", o21.getAs("channel"));
    assertEquals("QUOTE_CONVERTED_ONLINE", o21.getAs("channel_rule"));
    assertEquals(5L, o21.<Long>getAs("source_line"));
    // 23:30 local in Chicago (CST, UTC-6) is 05:30Z the next day; order_date stays local.
    assertEquals(Instant.parse("2025-03-03T05:30:00Z"), o21.getAs("order_timestamp"));
    assertEquals(LocalDate.of(2025, 3, 2), o21.getAs("order_date"));
    assertEquals("2025-03", o21.getAs("month"));
    assertTrue(lines.get("O10/1").<Boolean>getAs("is_cancelled"));
    assertEquals(
        OrderLineColumns.SCHEMA.fieldNames().length, TableContents.orderLines(warehouse).schema().size());
    assertEquals(
        OrderLinesDelta.schema().simpleString(),
        TableContents.orderLines(warehouse).schema().asNullable().simpleString());
  }

  @Test
  void rerunOnTheSameExportsWritesTheSameRowsAndTypes() throws IOException {
    Path input = writeExports();
    Path first = dir.resolve("wh1");
    Path second = dir.resolve("wh2");
    ingest(input, first, "0.9", "run-a");
    ingest(input, second, "0.9", "run-b");
    for (String table : List.of("order_lines", "rejects")) {
      assertEquals(List.of(), TableContents.differences(first.resolve(table), second.resolve(table)), table);
    }
    assertTrue(TableContents.orderLines(first).count() > 0, "lines to compare");
  }

  @Test
  void gateFailureLeavesTheWarehouseAsItWasAndKeepsTheRejects() throws IOException {
    Path input = writeExports();
    Path warehouse = dir.resolve("warehouse");
    ingest(input, warehouse, "0.9", "good-run");
    long versionBefore = OrderLinesDelta.latestVersion(SharedSpark.get(), orderLinesPath(warehouse));

    // The gate judges the rows this run reads: 2 rejected of 3 = 0.667 > 0.5.
    Files.writeString(
        input.resolve("c.csv"),
        HEADER + "\n"
            + "O20,1,2025-03-05T10:00:00Z,C1,WEB,,,S1,1,5,0,USD,,,\n"
            + "O21,1,2025-03-05T10:00:00Z,C1,FAX,,,S1,1,5,0,USD,,,\n"
            + "O22,1,2025-03-05T10:00:00Z,C1,WEB,,,S1,1,-5,0,USD,,,\n");
    DataQualityGateException failure =
        assertThrows(DataQualityGateException.class, () -> ingest(input, warehouse, "0.5", "bad-run"));
    assertTrue(failure.getMessage().contains("2 of 3 rows rejected"), failure.getMessage());
    // Both reasons count 1: names break the tie; line 3 is the first rejected row of c.csv.
    assertTrue(
        failure.getMessage()
            .contains(
                "; top reasons: negative_price 1, unknown_order_source 1;"
                    + " first rejected: c.csv line 3 (order_source: 'FAX' has no channel definition);"
                    + " rejected rows in "),
        failure.getMessage());
    assertEquals(
        versionBefore,
        OrderLinesDelta.latestVersion(SharedSpark.get(), orderLinesPath(warehouse)),
        "order_lines has no new commit");
    Path failedRejects = warehouse.resolve("failed-runs/bad-run/rejects");
    assertEquals(
        List.of(
            "order_source: 'FAX' has no channel definition", "unit_price: -5 is negative"),
        SharedSpark.get().read().parquet(failedRejects.toString())
            .orderBy(RejectColumns.SOURCE_LINE)
            .select(RejectColumns.DETAIL)
            .collectAsList().stream()
            .map(r -> r.getString(0))
            .toList());
    assertFalse(Files.exists(warehouse.resolve("_staging/bad-run")), "staging cleaned up");
  }

  @Test
  void tablesWrittenBeforeTheDetailColumnStillRead() {
    // A staged batch and a rejects/ table of an older version have no detail column: read by
    // schema (as ingest reads them) their detail is null and every other column is intact.
    SparkSession spark = SharedSpark.get();
    Path oldBatch = dir.resolve("old-batch");
    writeOld(
        oldBatch,
        RowFactory.create("malformed_row", "x,\"y", "a.csv", 7L),
        ValidatedRows.REJECT_REASON, RejectColumns.RAW_RECORD, RejectColumns.SOURCE_FILE);
    Row batchRow = spark.read().schema(ValidatedRows.SCHEMA).parquet(oldBatch.toString()).first();
    assertEquals("malformed_row", batchRow.getAs(ValidatedRows.REJECT_REASON));
    assertEquals(7L, batchRow.<Long>getAs(RejectColumns.SOURCE_LINE));
    assertNull(batchRow.getAs(ValidatedRows.REJECT_DETAIL));

    Path oldRejects = dir.resolve("old-rejects");
    writeOld(
        oldRejects,
        RowFactory.create("a.csv", "malformed_row", "x,\"y", 7L),
        RejectColumns.SOURCE_FILE, RejectColumns.REASON, RejectColumns.RAW_RECORD);
    Row rejectRow = spark.read().schema(RejectColumns.SCHEMA).parquet(oldRejects.toString()).first();
    assertEquals("malformed_row", rejectRow.getAs(RejectColumns.REASON));
    assertEquals("x,\"y", rejectRow.getAs(RejectColumns.RAW_RECORD));
    assertNull(rejectRow.getAs(RejectColumns.DETAIL));
  }

  /** Writes one row of three string columns and source_line, as an older version did. */
  private static void writeOld(Path target, Row row, String... stringColumns) {
    StructType schema = new StructType();
    for (String column : stringColumns) {
      schema = schema.add(column, DataTypes.StringType);
    }
    schema = schema.add(RejectColumns.SOURCE_LINE, DataTypes.LongType);
    SharedSpark.get().createDataFrame(List.of(row), schema).write().parquet(target.toString());
  }

  private static org.apache.hadoop.fs.Path orderLinesPath(Path warehouse) {
    return new org.apache.hadoop.fs.Path(warehouse.resolve("order_lines").toString());
  }
}
