package com.channelexpansion.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.validate.RejectReason;
import com.channelexpansion.publish.JsonDocument;
import com.channelexpansion.samples.GenerationSummary;
import com.channelexpansion.samples.GeneratorOptions;
import com.channelexpansion.samples.SampleDataGenerator;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.TableContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code nightly} on data-samples/, as a new user runs it, checked
 * against the generator's own account of what it planted (an independent count) and read back as
 * an analyst would.
 */
class NightlyOnSamplesTest {
  private static final String AS_OF = "2026-10-31";

  @TempDir static Path dir;
  private static Path warehouse;
  private static Path reports;
  private static String stdout;
  private static GenerationSummary planted;

  @BeforeAll
  static void runNightly() throws IOException {
    SharedSpark.get();
    planted = SampleDataGenerator.generate(GeneratorOptions.defaults().withOut(dir.resolve("regenerated")));
    warehouse = dir.resolve("warehouse");
    reports = dir.resolve("reports");
    stdout = run("nightly", "--warehouse", warehouse.toString(), "--reports", reports.toString(), "--as-of", AS_OF);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ChannelExpansion.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertEquals(ExitCode.SUCCESS, code, "exit code; stderr: " + err);
    return out.toString();
  }

  private static Path published() {
    return reports.resolve("as_of=" + AS_OF);
  }

  @Test
  void printsWhereTheOutputsAre() {
    assertTrue(stdout.contains("warehouse: " + warehouse), stdout);
    assertTrue(stdout.contains("reports: " + published()), stdout);
    assertTrue(Files.exists(published().resolve("_SUCCESS")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void manifestReconcilesEveryRowWithWhatTheGeneratorPlanted() throws IOException {
    Map<String, Object> manifest =
        JsonDocument.read(new org.apache.hadoop.fs.Path(published().resolve("manifest.json").toString()), new Configuration());
    Map<String, Object> ingest = (Map<String, Object>) manifest.get("ingest");
    Map<String, Object> rows = (Map<String, Object>) ingest.get("rows");
    assertEquals(planted.records(), ((Number) rows.get("read")).longValue(), "rows read");
    assertEquals(planted.rejected(), ((Number) rows.get("rejected")).longValue(), "rows rejected");
    assertEquals(planted.accepted(), ((Number) rows.get("accepted")).longValue(), "rows accepted");
    assertEquals(planted.duplicates(), ((Number) rows.get("duplicates_dropped_in_warehouse")).longValue(), "duplicates");
    Map<String, Object> byReason = (Map<String, Object>) rows.get("rejected_by_reason");
    for (RejectReason reason : RejectReason.values()) {
      assertEquals(
          planted.rejected(reason),
          ((Number) byReason.getOrDefault(reason.code(), 0)).longValue(),
          reason.code());
      assertTrue(planted.rejected(reason) > 0, "the samples plant every reason: " + reason.code());
    }
    for (Map<String, Object> input : (List<Map<String, Object>>) ingest.get("inputs")) {
      assertEquals(
          ((Number) input.get("rows_read")).longValue(),
          ((Number) input.get("rows_accepted")).longValue()
              + ((Number) input.get("rows_rejected")).longValue(),
          "read = accepted + rejected for " + input.get("file"));
      assertEquals(64, ((String) input.get("sha256")).length());
    }
    assertEquals(planted.headerlessFiles(), ((Map<String, Object>) ingest.get("warnings")).get("files_without_header"));
  }

  @Test
  void everyRejectKeepsItsFileLineReasonAndRawText() {
    Dataset<Row> rejects = SharedSpark.get().read().parquet(warehouse.resolve("rejects").toString());
    assertEquals(planted.rejected(), rejects.count());
    assertEquals(0, rejects.where(col("source_line").leq(1).or(col("raw_record").equalTo(""))).count());
    Map<String, Long> byReason = new HashMap<>();
    for (Row row : rejects.groupBy("reason").count().collectAsList()) {
      byReason.put(row.getString(0), row.getLong(1));
    }
    for (RejectReason reason : RejectReason.values()) {
      assertEquals(planted.rejected(reason), byReason.getOrDefault(reason.code(), 0L), reason.code());
    }
  }

  @Test
  void tablesHaveTheDocumentedTypes() {
    SparkSession spark = SharedSpark.get();
    assertEquals(
        com.channelexpansion.warehouse.OrderLinesDelta.schema().simpleString(),
        com.channelexpansion.testing.TableContents.orderLines(warehouse).schema().asNullable().simpleString());
    assertEquals(
        "struct<customer_id:string,region:string,owner_rep_id:string,first_order_date:date,"
            + "acquisition_channel:string,segment:string,cohort_month:string,orders:bigint,"
            + "net_revenue:decimal(38,2),online_revenue:decimal(38,2),last_order_date:date,"
            + "channel_state:string,channel_state_year_earlier:string,online_share:decimal(9,4),"
            + "online_share_year_earlier:decimal(9,4)>",
        spark.read().parquet(published().resolve("customers").toString()).schema().simpleString());
    assertEquals(
        "struct<team:string,metric:string,ttm:decimal(38,4),year_earlier:decimal(38,4),"
            + "change:decimal(18,4)>",
        spark.read().parquet(published().resolve("team_summary").toString()).schema().simpleString());
    assertEquals(
        "struct<month:string,segment:string,channel_state:string,customers:bigint,"
            + "net_revenue:decimal(38,2)>",
        spark.read().parquet(published().resolve("channel_states_monthly").toString()).schema().simpleString());
    assertEquals(
        "struct<month:string,region:string,segment:string,order_channel:string,customers:bigint,"
            + "orders:bigint,lines:bigint,net_revenue:decimal(38,2)>",
        spark.read().parquet(published().resolve("revenue_monthly").toString()).schema().simpleString());
    assertEquals(
        "struct<month:string,rep_id:string,plan_id:string,credited_revenue:decimal(38,2),"
            + "online_credited_revenue:decimal(38,2),quota_amount:decimal(18,2),"
            + "attainment:decimal(18,6),multiplier:decimal(9,4),commission:decimal(38,2)>",
        spark.read().parquet(published().resolve("commissions").toString()).schema().simpleString());
  }

  @Test
  void creditedRevenueOfAllRepsAndHouseEqualsNetRevenueForEachMonthAndPlan() {
    SparkSession spark = SharedSpark.get();
    Map<String, BigDecimal> netByMonth = new HashMap<>();
    for (Row row :
        spark.read().parquet(published().resolve("revenue_monthly").toString())
            .groupBy("month").agg(sum("net_revenue")).collectAsList()) {
      netByMonth.put(row.getString(0), row.getDecimal(1));
    }
    List<Row> credited =
        spark.read().parquet(published().resolve("commissions").toString())
            .groupBy("month", "plan_id").agg(sum("credited_revenue")).collectAsList();
    assertEquals(2 * netByMonth.size(), credited.size(), "two plans, every month");
    for (Row row : credited) {
      assertEquals(
          0, netByMonth.get(row.getString(0)).compareTo(row.getDecimal(2)),
          "month " + row.getString(0) + " plan " + row.getString(1));
    }
  }

  @Test
  void executiveSummaryListsEveryMetricInOrder() throws IOException {
    List<String> metrics =
        Files.readAllLines(published().resolve("executive_summary.csv")).stream()
            .skip(1)
            .map(line -> line.substring(0, line.indexOf(',')))
            .toList();
    assertEquals(
        List.of(
            "net_revenue", "online_revenue_share", "new_online_customers", "new_online_revenue",
            "new_sales_assisted_customers", "channel_shift_revenue", "channel_shift_share",
            "core_sales_revenue", "avg_order_value_online", "avg_order_value_sales_assisted",
            "new_online_repeat_rate", "commission_on_online_current", "commission_on_online_proposed",
            "unidentified_revenue", "refunds_not_netted"),
        metrics);
  }

  @Test
  void rerunningTheSameNightGivesOutputsEqualInContent() throws IOException {
    Path again = dir.resolve("reports-again");
    run("report", "--warehouse", warehouse.toString(), "--reports", again.toString(), "--as-of", AS_OF);
    // Tables by schema and rows (Spark names part files anew each run), every other file by bytes;
    // the manifest and the report state record run ids, timings and part-file names.
    assertEquals(
        List.of(),
        TableContents.differences(published(), again.resolve("as_of=" + AS_OF), "manifest.json", "state.json"));
  }
}
