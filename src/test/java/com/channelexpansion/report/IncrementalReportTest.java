package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.CommandLine;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.testing.TableContents;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night's report is updated from the previous night's (ReportParts.update) and must equal a
 * report computed from every line: each Parquet output (the state's included) by its schema and
 * rows, each CSV, HTML and JSON file by its bytes. The night below exercises each reason a customer or
 * month is recomputed: changed lines, a customer whose segment changes (its first orders are
 * cancelled), a line moved to another month, a new customer, lines already ingested that enter
 * the TTM window (dated after the previous as-of), lines entering the year-earlier window, an
 * order that becomes split over two months and one that stops being split, and lines of no known
 * customer (UNIDENTIFIED): changed, new and split over two months.
 */
class IncrementalReportTest {
  private static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,sales_rep_id,quote_id,sku,"
          + "quantity,unit_price,discount_amount,currency,order_status,updated_at\n";
  /** Later than every version in the samples: tonight's versions win. */
  private static final String TONIGHT = "2026-11-01T06:00:00Z";

  @TempDir static Path dir;
  private static Path samples;

  @BeforeAll
  static void generate() {
    samples = SmallSamples.generate(dir.resolve("samples"));
  }

  @Test
  void aNightsReportUpdatedFromYesterdaysEqualsAReportFromEveryLine() throws IOException {
    Path input = copyOfTheExports("input");
    Path warehouse = dir.resolve("warehouse");
    Path reports = dir.resolve("reports");
    // Yesterday: the exports hold a line of 2026-10-31 already, after yesterday's as-of.
    Files.createDirectories(input.resolve("early"));
    Files.writeString(
        input.resolve("early/ahead.csv"),
        HEADER
            + "AHEAD-1,1,2026-10-31T17:00:00Z,C00001,WEB,,,SKU-1,3,20,0,USD,,2026-10-31T17:00:00Z\n"
            // An order whose lines fall in two months: counted once for C00002.
            + "SPLIT-1,1,2026-09-15T10:00:00Z,C00002,WEB,,,SKU-1,1,30,0,USD,,2026-09-15T10:00:00Z\n"
            + "SPLIT-1,2,2026-10-15T10:00:00Z,C00002,PHONE,,,SKU-2,1,40,0,USD,,2026-10-15T10:00:00Z\n"
            // No known customer: an online order, a phone order of the year-earlier window (changed
            // tonight) and an online order split over August and September.
            + "UNID-1,1,2026-09-20T15:00:00Z,UNIDENTIFIED,WEB,,,SKU-1,2,15,0,USD,,2026-09-20T15:00:00Z\n"
            + "UNID-2,1,2025-03-10T15:00:00Z,UNIDENTIFIED,PHONE,,,SKU-2,1,10,0,USD,,2025-03-10T15:00:00Z\n"
            + "UNID-4,1,2026-08-14T15:00:00Z,UNIDENTIFIED,WEB,,,SKU-1,1,10,0,USD,,2026-08-14T15:00:00Z\n"
            + "UNID-4,2,2026-09-14T15:00:00Z,UNIDENTIFIED,WEB,,,SKU-1,1,20,0,USD,,2026-09-14T15:00:00Z\n");
    run("nightly", input, warehouse, reports, "--as-of", "2026-10-30");
    assertEquals("every line", computedFrom(reports, "2026-10-30"));

    SparkSession spark = SharedSpark.get();
    Dataset<Row> lines = com.channelexpansion.testing.TableContents.orderLines(warehouse);
    Dataset<Row> yesterday = spark.read().parquet(reports.resolve("as_of=2026-10-30/customers").toString());
    // An EXISTING customer with orders after program_start: cancelling every line it bought
    // before program_start makes it a new customer.
    String existing =
        yesterday.where(col("segment").equalTo(lit("EXISTING")))
            .join(lines.where(col("order_date").geq(lit("2025-06-01")).and(col("quantity").gt(0))), "customer_id")
            .select("customer_id").distinct().orderBy("customer_id").first().getString(0);
    List<Row> cancelled =
        lines.where(col("customer_id").equalTo(existing).and(col("order_date").lt(lit("2025-05-01"))))
            .orderBy("order_id", "line_number").collectAsList();
    Row moved =
        lines.where(col("month").equalTo(lit("2025-03")).and(col("customer_id").notEqual(existing)))
            .orderBy("order_id", "line_number").first();
    StringBuilder tonight = new StringBuilder(HEADER);
    for (Row line : cancelled) {
      tonight.append(csv(line, line.getAs("order_timestamp").toString(), "CANCELLED"));
    }
    tonight.append(csv(moved, "2025-04-15T17:00:00Z", "SHIPPED"));
    // A line added tonight to an order of June 2025 splits it over two months; SPLIT-1's
    // October line is cancelled, so SPLIT-1 is no longer split and September (a month with no
    // changed line) sums it again.
    Row june =
        lines.where(col("month").equalTo(lit("2025-06")).and(col("customer_id").notEqual(existing)))
            .orderBy("order_id", "line_number").first();
    tonight.append(csv(june, "2026-10-31T12:00:00Z", "SHIPPED").replaceFirst(",[0-9]+,", ",99,"));
    tonight.append("SPLIT-1,2,2026-10-15T10:00:00Z,C00002,PHONE,,,SKU-2,1,40,0,USD,CANCELLED,")
        .append(TONIGHT).append('\n');
    tonight.append("TONIGHT-1,1,2026-10-31T17:00:00Z,C-TONIGHT,WEB,,,SKU-1,2,50,0,USD,,")
        .append(TONIGHT).append('\n');
    tonight.append("UNID-2,1,2025-03-10T15:00:00Z,UNIDENTIFIED,PHONE,,,SKU-2,3,10,0,USD,,")
        .append(TONIGHT).append('\n');
    tonight.append("UNID-3,1,2026-10-31T17:00:00Z,UNIDENTIFIED,WEB,,,SKU-1,1,12,0,USD,,")
        .append(TONIGHT).append('\n');
    Files.createDirectories(input.resolve("late"));
    Files.writeString(input.resolve("late/tonight.csv"), tonight.toString());

    run("nightly", input, warehouse, reports, "--as-of", "2026-10-31");
    assertTrue(
        computedFrom(reports, "2026-10-31").startsWith("as_of=2026-10-30 and the changes of 1 order_lines version"),
        computedFrom(reports, "2026-10-31"));
    assertEqualsAReportFromEveryLine(input, warehouse, reports, "2026-10-31");
    assertTrue(cancelled.size() > 0, "the customer had lines before program_start");
    assertEquals(List.of("SPLIT-1", "UNID-4"), splitOrders(reports, "2026-10-30"));
    assertEquals(List.of(june.<String>getAs("order_id"), "UNID-4"), splitOrders(reports, "2026-10-31"));
    assertNotEquals(
        "EXISTING",
        spark.read().parquet(reports.resolve("as_of=2026-10-31/customers").toString())
            .where(col("customer_id").equalTo(existing)).first().getAs("segment"),
        "the night changed a customer's segment");
    assertUnidentifiedLinesAreNobodysPurchases(reports.resolve("as_of=2026-10-31"));
  }

  /**
   * The UNIDENTIFIED lines of the night above: no customers/ row; revenue_monthly rows of segment
   * UNIDENTIFIED, region UNKNOWN, 0 customers, UNID-1 30 + UNID-2 30 (3 x 10 since tonight) +
   * UNID-3 12 + UNID-4 10 + 20 = 102.00; unidentified_revenue TTM (2025-11-01..2026-10-31) UNID-1,
   * UNID-3, UNID-4 = 72.00, year-earlier UNID-2 = 30.00, change 72/30 - 1 = 1.4. The samples'
   * history starts 18 months before program_start: no short-history warning.
   */
  private static void assertUnidentifiedLinesAreNobodysPurchases(Path report) throws IOException {
    SparkSession spark = SharedSpark.get();
    assertEquals(
        0,
        spark.read().parquet(report.resolve("customers").toString())
            .where(col("customer_id").equalTo(lit("UNIDENTIFIED"))).count());
    Row revenue =
        spark.read().parquet(report.resolve("revenue_monthly").toString())
            .where(col("segment").equalTo(lit("UNIDENTIFIED")))
            .agg(
                sum("net_revenue"), sum("customers"), countDistinct(col("region")), first(col("region")))
            .first();
    assertEquals(new BigDecimal("102.00"), revenue.getDecimal(0));
    assertEquals(0L, revenue.getLong(1));
    assertEquals(1L, revenue.getLong(2));
    assertEquals("UNKNOWN", revenue.getString(3));
    try (Reader in = Files.newBufferedReader(report.resolve("executive_summary.csv"));
        CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      CSVRecord unidentified =
          csv.getRecords().stream().filter(r -> r.get("metric").equals("unidentified_revenue")).findFirst().orElseThrow();
      assertEquals(List.of("72.00", "30.00", "1.4000"),
          List.of(unidentified.get("ttm"), unidentified.get("year_earlier"), unidentified.get("change")));
    }
    assertTrue(
        new ObjectMapper().readTree(report.resolve("manifest.json").toFile())
            .path("report").path("warnings").path("short_history").isNull(),
        "no short-history warning");
  }

  @Test
  void aRerunWithNothingNewChangesNothingAndANewMonthStartsFromTheLastReport() throws IOException {
    Path input = copyOfTheExports("month-input");
    Path warehouse = dir.resolve("month-warehouse");
    Path reports = dir.resolve("month-reports");
    run("nightly", input, warehouse, reports, "--as-of", "2026-10-31");
    Path first = dir.resolve("first-report");
    SmallSamples.copyTree(reports.resolve("as_of=2026-10-31"), first, file -> true);

    // Nothing changed and as-of did not move: no customer is recomputed, no history is read.
    run("nightly", input, warehouse, reports, "--as-of", "2026-10-31");
    assertEquals(
        "as_of=2026-10-31 and the changes of 0 order_lines versions since", computedFrom(reports, "2026-10-31"));
    assertEquals(
        List.of(), TableContents.differences(first, reports.resolve("as_of=2026-10-31"), "manifest.json"));

    // The windows moved by a month: the summary's window facts are summed again from the kept
    // (customer, month) facts, and only the months from the base's on are recomputed.
    run("report", input, warehouse, reports, "--as-of", "2026-11-01");
    assertEquals(
        "as_of=2026-10-31 and the changes of 0 order_lines versions since", computedFrom(reports, "2026-11-01"));
    assertEqualsAReportFromEveryLine(input, warehouse, reports, "2026-11-01");
  }

  /** Reports {@code asOf} again from every line, elsewhere, and compares every output. */
  private static void assertEqualsAReportFromEveryLine(
      Path input, Path warehouse, Path reports, String asOf) throws IOException {
    Path full = Files.createTempDirectory(dir, "full-reports");
    run("report", input, warehouse, full, "--as-of", asOf);
    assertEquals("every line", computedFrom(full, asOf));
    assertEquals(
        List.of(),
        TableContents.differences(
            reports.resolve("as_of=" + asOf), full.resolve("as_of=" + asOf), "manifest.json"));
  }

  private static Path copyOfTheExports(String name) throws IOException {
    Path input = dir.resolve(name);
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> true);
    return input;
  }

  private static String csv(Row line, String timestamp, String status) {
    List<String> fields = new ArrayList<>();
    fields.add(line.getAs("order_id"));
    fields.add(String.valueOf((Long) line.getAs("line_number")));
    fields.add(timestamp);
    fields.add(line.getAs("customer_id"));
    fields.add(line.getAs("order_source"));
    fields.add(orEmpty(line.getAs("sales_rep_id")));
    fields.add(orEmpty(line.getAs("quote_id")));
    fields.add(orEmpty(line.getAs("sku")));
    fields.add(((BigDecimal) line.getAs("quantity")).toPlainString());
    fields.add(((BigDecimal) line.getAs("unit_price")).toPlainString());
    fields.add(((BigDecimal) line.getAs("discount_amount")).toPlainString());
    fields.add(line.getAs("currency"));
    fields.add(status);
    fields.add(TONIGHT);
    return String.join(",", fields) + "\n";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static List<String> splitOrders(Path reports, String asOf) {
    return SharedSpark.get()
        .read()
        .parquet(reports.resolve("as_of=" + asOf + "/_state/split_order_lines").toString())
        .select("order_id").distinct().orderBy("order_id").collectAsList().stream()
        .map(row -> row.getString(0)).toList();
  }

  private static String computedFrom(Path reports, String asOf) throws IOException {
    return new ObjectMapper()
        .readTree(reports.resolve("as_of=" + asOf + "/manifest.json").toFile())
        .path("report")
        .path("computed_from")
        .asText();
  }

  private static void run(String command, Path input, Path warehouse, Path reports, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--input", input.toString(),
                "--reference", samples.resolve("reference").toString(),
                "--config", samples.resolve("config").toString(),
                "--warehouse", warehouse.toString(),
                "--reports", reports.toString()));
    args.addAll(List.of(more));
    CommandLine.succeed(args);
  }
}
