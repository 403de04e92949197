package com.channelexpansion.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Shopify order export shaped like a real one (src/test/resources/shopify/orders_export.csv):
 * a discount code on multi-line orders with cents to split, a staff draft with no customer
 * identity, a staff member named in Employee, a partly refunded order and a cancelled refunded
 * one. Every expected figure is worked out by hand in the comments; the counted revenue of each
 * order must equal its Subtotal, as Shopify shows it.
 */
class ShopifyExportEndToEndTest {
  @TempDir static Path dir;
  private static String stdout;

  @BeforeAll
  static void runNightly() throws IOException {
    SharedSpark.get();
    Path input = Files.createDirectories(dir.resolve("input/shopify"));
    Files.copy(Path.of("src/test/resources/shopify/orders_export.csv"), input.resolve("orders_export.csv"));
    Path config = Files.createDirectories(dir.resolve("config"));
    SmallSamples.copyTree(Path.of("data-samples/config"), config, f -> true);
    Files.writeString(
        config.resolve("settings.csv"),
        "key,value\nreporting_currency,USD\ntime_zone,America/Chicago\nprogram_start,2026-01-01\n"
            + "max_reject_ratio,0\nbaseline_plan,current\n");
    Files.writeString(
        config.resolve("sources.csv"),
        "folder,format,mapping,customer_key\nshopify,shopify,,0123456789abcdef-test-key\n");
    Files.writeString(
        config.resolve("channel-definitions.csv"),
        "order_source,channel_group,definition\nWEB,ONLINE,Checkout in the online store.\n"
            + "POS,SALES_ASSISTED,Sold at the counter by staff.\n"
            + "SHOPIFY_DRAFT_ORDER,SALES_ASSISTED,Order keyed by staff.\n");
    Path reference = Files.createDirectories(dir.resolve("reference"));
    SmallSamples.copyTree(Path.of("data-samples/reference"), reference, f -> true);
    Files.writeString(reference.resolve("fx_rates.csv"), "rate_date,currency,rate_to_reporting\n");
    // Shopify names staff in Employee: reps.csv maps the name to the rep (R002).
    List<String> reps = Files.readAllLines(reference.resolve("reps.csv"));
    StringBuilder withAliases = new StringBuilder(reps.get(0) + ",aliases\n");
    reps.subList(1, reps.size())
        .forEach(r -> withAliases.append(r).append(r.startsWith("R002,") ? ",Carla Diaz\n" : ",\n"));
    Files.writeString(reference.resolve("reps.csv"), withAliases.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(out, true), new PrintWriter(err, true),
            "nightly", "--input", dir.resolve("input").toString(), "--config", config.toString(),
            "--reference", reference.toString(), "--warehouse", dir.resolve("warehouse").toString(),
            "--reports", dir.resolve("reports").toString(), "--as-of", "2026-10-31");
    assertEquals(0, code, err.toString());
    stdout = out.toString();
  }

  private static Dataset<Row> table(String path) {
    Path table = dir.resolve(path);
    return Files.isDirectory(table.resolve("_delta_log"))
        ? com.channelexpansion.testing.TableContents.delta(table)
        : SharedSpark.get().read().parquet(table.toString());
  }

  @Test
  void everyOrdersCountedRevenueEqualsItsSubtotal() {
    Map<String, BigDecimal> byOrder = new TreeMap<>();
    table("warehouse/order_lines")
        .where(col("is_cancelled").equalTo(false))
        .groupBy("order_id")
        .agg(sum("amount"))
        .collectAsList()
        .forEach(r -> byOrder.put(r.getString(0), r.getDecimal(1).setScale(2)));
    // #1001: lines 30.00, 25.00, 35.00 (40.00 - 5.00 line discount); Discount Amount 15.00 of
    //   which 10.00 is the code: shares 3.33, 2.78, 3.89 -> 26.67 + 22.22 + 31.11 = 80.00.
    // #1004: three lines of 3.33, code 0.10: shares 0.04, 0.03, 0.03 (the tie's cent to line 1)
    //   -> 3.29 + 3.30 + 3.30 = 9.89.
    assertEquals(
        Map.of(
            "#1001", new BigDecimal("80.00"),
            "#1002", new BigDecimal("40.00"),
            "#1003", new BigDecimal("50.00"),
            "#1004", new BigDecimal("9.89")),
        byOrder);
  }

  @Test
  void theDiscountCodesCentsAreOnTheLines() {
    List<Row> lines =
        table("warehouse/order_lines")
            .where(col("order_id").isin("#1001", "#1004"))
            .orderBy("order_id", "line_number")
            .select("discount_amount", "amount")
            .collectAsList();
    List<String> amounts = lines.stream().map(r -> r.getDecimal(1).toPlainString()).toList();
    assertEquals(List.of("26.67", "22.22", "31.11", "3.29", "3.30", "3.30"), amounts);
    // The third line of #1001 keeps its own 5.00 and takes 3.89 of the code.
    assertEquals(0, new BigDecimal("8.89").compareTo(lines.get(2).getDecimal(0)));
  }

  @Test
  void aDraftWithNoIdentityIsKeptAsUnidentified() {
    List<Row> draft =
        table("warehouse/order_lines").where(col("order_id").equalTo("#1002")).collectAsList();
    assertEquals(1, draft.size());
    assertEquals("UNIDENTIFIED", draft.get(0).getAs("customer_id"));
    assertEquals(0L, table("warehouse/rejects").count());
  }

  @Test
  void staffOrdersAreCreditedToTheRepTheirAliasNames() {
    Map<String, String> credited = new TreeMap<>();
    table("warehouse/order_lines")
        .select("order_id", "sales_rep_id", "credited_rep_id")
        .distinct()
        .collectAsList()
        .forEach(r -> credited.put(r.getString(0), r.getString(1) + " -> " + r.getString(2)));
    // Employee is kept as found; the web orders have no staff and no known owner: HOUSE.
    assertEquals(
        Map.of(
            "#1001", "null -> HOUSE",
            "#1002", "Carla Diaz -> R002",
            "#1003", "null -> HOUSE",
            "#1004", "Carla Diaz -> R002",
            "#1005", "null -> HOUSE"),
        credited);
  }

  @Test
  void orderLevelRefundsAreKeptPerOrderNotNetted() {
    Map<String, String> refunds = new TreeMap<>();
    table("warehouse/order_refunds")
        .where(col("refunded_amount").notEqual(0))
        .collectAsList()
        .forEach(
            r -> refunds.put(
                r.getAs("order_id"),
                ((BigDecimal) r.getAs("refunded_amount")).toPlainString() + " cancelled=" + r.getAs("is_cancelled")));
    assertEquals(Map.of("#1003", "20.00 cancelled=false", "#1005", "30.00 cancelled=true"), refunds);
  }

  /** executive_summary.csv as metric -> ttm. */
  private static Map<String, String> summaryTtm() throws IOException {
    Map<String, String> ttm = new TreeMap<>();
    try (CSVParser csv =
        CSVFormat.DEFAULT.builder().setHeader().get()
            .parse(Files.newBufferedReader(dir.resolve("reports/as_of=2026-10-31/executive_summary.csv")))) {
      csv.forEach(r -> ttm.put(r.get("metric"), r.get("ttm")));
    }
    return ttm;
  }

  @Test
  void theSummaryShowsUnidentifiedRevenueAndRefundsBesideNetRevenue() throws IOException {
    Map<String, String> ttm = summaryTtm();
    // 80.00 + 40.00 + 50.00 + 9.89 = 179.89: the Subtotals of the non-cancelled orders.
    assertEquals("179.89", ttm.get("net_revenue"));
    assertEquals("40.00", ttm.get("unidentified_revenue"));
    // #1003's 20.00; #1005 is cancelled, its 30.00 does not count.
    assertEquals("20.00", ttm.get("refunds_not_netted"));
    // Three identified customers, all new online or at the counter in October 2026.
    assertEquals(3L, table("reports/as_of=2026-10-31/customers").count());
    assertEquals(
        0L,
        table("reports/as_of=2026-10-31/customers").where(col("customer_id").equalTo("UNIDENTIFIED")).count());
    Row unidentified =
        table("reports/as_of=2026-10-31/revenue_monthly")
            .where(col("segment").equalTo("UNIDENTIFIED"))
            .first();
    assertEquals("UNKNOWN", unidentified.getAs("region"));
    assertEquals(0L, ((Number) unidentified.getAs("customers")).longValue());
    assertEquals(0, new BigDecimal("40.00").compareTo(unidentified.getAs("net_revenue")));
    String manifest = Files.readString(dir.resolve("reports/as_of=2026-10-31/manifest.json"));
    assertTrue(manifest.matches("(?s).*\"refunds_not_netted\"\\s*:\\s*\\{\\s*\"ttm\"\\s*:\\s*\"20.00\".*"), manifest);
  }

  @Test
  void noPersonalDataReachesAnyOutput() throws IOException {
    try (Stream<Path> files = Stream.concat(Files.walk(dir.resolve("warehouse")), Files.walk(dir.resolve("reports")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String personal : List.of("ana@buyer.example", "Ana Lopez", "1 Main St", "555 0100", "Buyer Co")) {
          assertFalse(text.contains(personal), personal + " leaked into " + file);
        }
      }
    }
    assertFalse(stdout.contains("Ana Lopez"));
  }
}
