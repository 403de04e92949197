package com.channelexpansion.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.RealData;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job pointed at what users really have: a Shopify order export and a real ERP export with a
 * column mapping, chosen per folder in sources.csv, end to end through nightly.
 */
class SourceFormatsEndToEndTest {
  
  @TempDir Path dir;

  private Path config(String reportingCurrency, String programStart, String maxRejectRatio,
      String sources, String channelDefinitions) throws IOException {
    Path config = Files.createDirectories(dir.resolve("config"));
    SmallSamples.copyTree(Path.of("data-samples/config"), config, f -> true);
    Files.writeString(
        config.resolve("settings.csv"),
        "key,value\nreporting_currency," + reportingCurrency + "\ntime_zone,Europe/London\n"
            + "program_start," + programStart + "\nmax_reject_ratio," + maxRejectRatio + "\n"
            + "quote_converts_to_assisted,true\nbaseline_plan,current\n");
    Files.writeString(config.resolve("sources.csv"), sources);
    Files.writeString(config.resolve("channel-definitions.csv"), channelDefinitions);
    SmallSamples.copyTree(Path.of("mappings"), config, f -> true);
    return config;
  }

  private Path reference(String fxRates) throws IOException {
    Path reference = Files.createDirectories(dir.resolve("reference"));
    SmallSamples.copyTree(Path.of("data-samples/reference"), reference, f -> true);
    Files.writeString(reference.resolve("fx_rates.csv"), fxRates);
    return reference;
  }

  private String nightly(Path input, Path config, Path reference, String asOf) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "nightly", "--input", input.toString(), "--config", config.toString(),
            "--reference", reference.toString(), "--warehouse", dir.resolve("warehouse").toString(),
            "--reports", dir.resolve("reports").toString(), "--as-of", asOf);
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  @Test
  void realUciRetailExportThroughItsMappingEndsInTheReportsWithEveryBadRowRejected() throws IOException {
    Path file = RealData.require("uci-online-retail/online-retail-2010-12.csv");
    SharedSpark.get();
    Path input = dir.resolve("input");
    Files.createDirectories(input.resolve("erp/uk-retail"));
    Files.copy(file, input.resolve("erp/uk-retail/online-retail-2010-12.csv"));
    Path config =
        config(
            "GBP", "2010-12-10", "0.35",
            "folder,format,mapping,customer_key\nerp/uk-retail,mapped,uci-online-retail.csv,\n",
            "order_source,channel_group,definition\nWEB,ONLINE,Ordered in the web shop.\n");
    nightly(input, config, reference("rate_date,currency,rate_to_reporting\n"), "2010-12-20");

    Dataset<Row> rejects = SharedSpark.get().read().parquet(dir.resolve("warehouse/rejects").toString());
    Map<String, Long> byReason = new HashMap<>();
    rejects.groupBy("reason").count().collectAsList().forEach(r -> byReason.put(r.getString(0), r.getLong(1)));
    // Counted independently (python3): 13,766 rows without CustomerID; the cut-off last record.
    assertEquals(Map.of("missing_required_field", 13_766L, "malformed_row", 1L), byReason);
    assertEquals(
        List.of(39_531L),
        rejects.where(col("reason").equalTo("malformed_row")).select("source_line")
            .as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
    Dataset<Row> lines = com.channelexpansion.testing.TableContents.orderLines(dir.resolve("warehouse"));
    assertEquals(39_530L - 13_766L - 1L, lines.count());
    Path report = dir.resolve("reports/as_of=2010-12-20");
    assertTrue(Files.exists(report.resolve("_SUCCESS")));
    assertTrue(Files.readString(report.resolve("executive_summary.csv")).contains("net_revenue,"));
  }

  @Test
  void shopifyExportIsPseudonymizedAndReported() throws IOException {
    SharedSpark.get();
    Path input = dir.resolve("input");
    Files.createDirectories(input.resolve("shopify"));
    Files.writeString(
        input.resolve("shopify/orders_export.csv"),
        "Name,Email,Financial Status,Currency,Created at,Lineitem quantity,Lineitem name,"
            + "Lineitem price,Lineitem sku,Lineitem discount,Billing Name,Billing Company,Source,"
            + "Employee,Cancelled at\n"
            + "#1001,ana@buyer.example,paid,USD,2026-10-01 10:15:00 -0500,2,Widget,10.00,W-1,0,"
            + "Ana Lopez,Buyer Co,web,,\n"
            + "#1001,,,,,1,Gadget,5.50,G-1,0.50,,,,,\n"
            + "#1002,bo@other.example,paid,USD,2026-10-02 09:00:00 -0500,1,Widget,10.00,W-1,0,"
            + "Bo Chen,,web,,\n");
    Path config =
        config(
            "USD", "2026-01-01", "0.005",
            "folder,format,mapping,customer_key\nshopify,shopify,,0123456789abcdef-test-key\n",
            "order_source,channel_group,definition\nWEB,ONLINE,Online checkout in the Shopify store.\n"
                + "SHOPIFY_DRAFT_ORDER,SALES_ASSISTED,Order created by staff.\n");
    nightly(input, config, reference("rate_date,currency,rate_to_reporting\n"), "2026-10-31");

    Dataset<Row> lines = com.channelexpansion.testing.TableContents.orderLines(dir.resolve("warehouse"));
    assertEquals(3, lines.count());
    List<String> customers =
        lines.select("customer_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(2, customers.size());
    assertTrue(customers.stream().allMatch(c -> c.startsWith("cust_")), customers.toString());
    // 2 * 10.00 + (1 * 5.50 - 0.50) + 10.00 = 35.00
    assertEquals(
        0, new java.math.BigDecimal("35.00").compareTo(lines.agg(org.apache.spark.sql.functions.sum("amount")).first().getDecimal(0)));
    for (Path output : everyFile(dir.resolve("warehouse"), dir.resolve("reports"))) {
      String text = new String(Files.readAllBytes(output), java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String personal : List.of("ana@buyer.example", "Ana Lopez", "Bo Chen", "Buyer Co")) {
        assertFalse(text.contains(personal), personal + " leaked into " + output);
      }
    }
  }

  @Test
  void anEmployeeNameAddedLaterAsARepAliasReCreditsOldLines() throws IOException {
    SharedSpark.get();
    Path input = dir.resolve("input");
    Files.createDirectories(input.resolve("shopify"));
    Files.writeString(
        input.resolve("shopify/orders_export.csv"),
        "Name,Email,Financial Status,Currency,Created at,Lineitem quantity,Lineitem price,"
            + "Billing Company,Source,Employee\n"
            + "#2001,ana@buyer.example,paid,USD,2026-10-01 10:15:00 -0500,2,10.00,Buyer Co,web,Carla Diaz\n");
    Path config =
        config(
            "USD", "2026-01-01", "0.005",
            "folder,format,mapping,customer_key\nshopify,shopify,,0123456789abcdef-test-key\n",
            "order_source,channel_group,definition\nWEB,ONLINE,Online checkout in the Shopify store.\n");
    Path reference = reference("rate_date,currency,rate_to_reporting\n");
    nightly(input, config, reference, "2026-10-31");
    assertEquals(List.of("Carla Diaz/HOUSE"), credits());
    assertTrue(manifest("2026-10-31").contains("\"Carla Diaz\""), "an unknown rep before the alias");

    // Sales ops add the Employee name as an alias of R001; the export is not delivered again.
    List<String> reps = Files.readAllLines(reference.resolve("reps.csv"));
    StringBuilder withAliases = new StringBuilder(reps.get(0) + ",aliases\n");
    for (String rep : reps.subList(1, reps.size())) {
      withAliases.append(rep).append(rep.startsWith("R001,") ? ", Carla Diaz |" : ",").append('\n');
    }
    Files.writeString(reference.resolve("reps.csv"), withAliases);
    nightly(input, config, reference, "2026-11-01");

    assertEquals(List.of("Carla Diaz/R001"), credits(), "the warehouse keeps the name, credits R001");
    assertFalse(manifest("2026-11-01").contains("Carla Diaz"), "an alias is no unknown rep");
  }

  /** sales_rep_id/credited_rep_id of every warehouse line. */
  private List<String> credits() {
    return com.channelexpansion.testing.TableContents.orderLines(dir.resolve("warehouse"))
        .collectAsList().stream()
        .map(r -> r.getAs("sales_rep_id") + "/" + r.getAs("credited_rep_id"))
        .toList();
  }

  private String manifest(String asOf) throws IOException {
    return Files.readString(dir.resolve("reports/as_of=" + asOf + "/manifest.json"));
  }

  private static List<Path> everyFile(Path... folders) throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    return files;
  }
}
