package com.channelexpansion.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: two accepted rows of 99999999999.999999 x 100000 made every later report fail with
 * NUMERIC_VALUE_OUT_OF_RANGE. Here many accepted lines sit just below the amount bound (10^12),
 * all for one customer, one rep and one month, online and assisted, in two currencies, under a
 * plan with the largest rate and tier multiplier the definitions allow: nightly must exit 0 and
 * every sum must be exact. Lines just over the bound are invalid_number with a detail.
 */
class AmountBoundEndToEndTest {
  private static final String AS_OF = "2025-03-31";
  /** The largest USD amount accepted. */
  private static final BigDecimal TOP = new BigDecimal("999999999999.99");
  /** 921658986175 EUR at 1.085 = 999999999999.875 USD -> 999999999999.88. */
  private static final BigDecimal TOP_EUR = new BigDecimal("999999999999.88");
  private static final int WEB_LINES = 10;
  private static final int PHONE_LINES = 10;
  private static final int EUR_LINES = 2;
  private static final BigDecimal MAX_RATE = BigDecimal.ONE;
  private static final BigDecimal MAX_MULTIPLIER = new BigDecimal("99999.9999");

  @TempDir static Path dir;
  private static Path reports;
  private static Path warehouse;

  @BeforeAll
  static void runNightly() throws IOException {
    SharedSpark.get();
    Path config = write("config", Map.of(
        "settings.csv", "key,value\nreporting_currency,USD\ntime_zone,UTC\n"
            + "program_start,2025-01-01\nmax_reject_ratio,0.1\nbaseline_plan,current\n",
        "channel-definitions.csv", "order_source,channel_group,definition\n"
            + "WEB,ONLINE,Web shop.\nPHONE,SALES_ASSISTED,Taken by a rep.\n",
        "commission-plans.csv",
        "plan_id,effective_from,effective_to,order_channel,segment,rate,counts_toward_quota\n"
            + "current,,,SALES_ASSISTED,*,0.05,true\ncurrent,,,ONLINE,*,0.02,true\n"
            + "extreme,,,*,*," + MAX_RATE + ",true\n",
        "commission-tiers.csv", "plan_id,min_attainment,multiplier\ncurrent,0,1.0\n"
            + "current,1.0,1.25\nextreme,0,1\nextreme,1.0," + MAX_MULTIPLIER + "\n"));
    Path reference = write("reference", Map.of(
        "accounts.csv", "customer_id,customer_name,owner_rep_id,region\nC1,Big Buyer,R1,NORTH\n",
        "reps.csv", "rep_id,rep_name,team,region\nR1,Rita Rep,North,NORTH\n",
        "quotas.csv", "rep_id,month,quota_amount\nR1,2025-03,1000.00\n",
        "fx_rates.csv", "rate_date,currency,rate_to_reporting\n2025-01-01,EUR,1.085\n"));
    Path input = write("input", Map.of("orders.csv", export()));
    warehouse = dir.resolve("warehouse");
    reports = dir.resolve("reports");
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err, true),
            "nightly", "--input", input.toString(), "--config", config.toString(),
            "--reference", reference.toString(), "--warehouse", warehouse.toString(),
            "--reports", reports.toString(), "--as-of", AS_OF);
    assertEquals(0, code, err.toString());
  }

  private static Path write(String folder, Map<String, String> files) throws IOException {
    Path path = Files.createDirectories(dir.resolve(folder));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(path.resolve(file.getKey()), file.getValue());
    }
    return path;
  }

  /** Lines at the bound, then two over it (after FX, and the issue's own row). */
  private static String export() {
    StringBuilder csv =
        new StringBuilder(
            "order_id,line_number,order_timestamp,customer_id,order_source,sales_rep_id,"
                + "quantity,unit_price,currency\n");
    int order = 0;
    for (int i = 0; i < WEB_LINES + PHONE_LINES; i++) {
      String source = i < WEB_LINES ? "WEB" : "PHONE";
      csv.append("O").append(++order).append(",1,2025-03-").append(String.format("%02d", i + 1))
          .append(",C1,").append(source).append(",R1,").append(TOP).append(",1,USD\n");
    }
    for (int i = 0; i < EUR_LINES; i++) {
      csv.append("E").append(++order).append(",1,2025-03-25,C1,WEB,R1,921658986175,1,EUR\n");
    }
    csv.append("X1,1,2025-03-26,C1,WEB,R1,921658986176,1,EUR\n");
    csv.append("X2,1,2025-03-26,C1,WEB,R1,99999999999.999999,100000,USD\n");
    return csv.toString();
  }

  private static BigDecimal web() {
    return TOP.multiply(BigDecimal.valueOf(WEB_LINES)).add(TOP_EUR.multiply(BigDecimal.valueOf(EUR_LINES)));
  }

  private static BigDecimal phone() {
    return TOP.multiply(BigDecimal.valueOf(PHONE_LINES));
  }

  private static Path published(String output) {
    return reports.resolve("as_of=" + AS_OF).resolve(output);
  }

  private static Row only(String output, String filter) {
    List<Row> rows =
        SharedSpark.get().read().parquet(published(output).toString()).where(filter).collectAsList();
    assertEquals(1, rows.size(), output + " where " + filter);
    return rows.get(0);
  }

  private static void assertExact(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + ", got " + actual);
  }

  @Test
  void rowsAtTheAmountBoundNeverFailAReport() {
    BigDecimal total = web().add(phone()); // 21999999999999.56
    Row customer = only("customers", "customer_id = 'C1'");
    assertExact(total, customer.getDecimal(customer.fieldIndex("net_revenue")), "customer net_revenue");
    Row online = only("revenue_monthly", "order_channel = 'ONLINE'");
    assertExact(web(), online.getDecimal(online.fieldIndex("net_revenue")), "online revenue");

    // current: base = 0.05 * phone + 0.02 * web; attainment far above 1.0 -> multiplier 1.25.
    Row current = only("commissions", "plan_id = 'current'");
    assertExact(total, current.getDecimal(current.fieldIndex("credited_revenue")), "credited");
    BigDecimal currentBase =
        new BigDecimal("0.05").multiply(phone()).add(new BigDecimal("0.02").multiply(web()));
    assertExact(
        currentBase.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP),
        current.getDecimal(current.fieldIndex("commission")), "current commission");
    // extreme: the largest rate and multiplier: about 2.2 * 10^18, exact to the cent.
    Row extreme = only("commissions", "plan_id = 'extreme'");
    assertExact(
        MAX_RATE.multiply(total).multiply(MAX_MULTIPLIER).setScale(2, RoundingMode.HALF_UP),
        extreme.getDecimal(extreme.fieldIndex("commission")), "extreme commission");
  }

  @Test
  void theExecutiveSummaryAddsTheBoundRowsExactly() throws IOException {
    Map<String, String> ttm = new HashMap<>();
    try (Reader in = Files.newBufferedReader(published("executive_summary.csv"))) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
        ttm.put(row.get("metric"), row.get("ttm"));
      }
    }
    assertExact(web().add(phone()), new BigDecimal(ttm.get("net_revenue")), "net_revenue");
    assertExact(
        MAX_RATE.multiply(web()).multiply(MAX_MULTIPLIER).setScale(2, RoundingMode.HALF_UP),
        new BigDecimal(ttm.get("commission_on_online_extreme")), "commission_on_online_extreme");
  }

  @Test
  void linesOverTheBoundAreInvalidNumberWithADetail() {
    List<Row> rejects =
        SharedSpark.get().read().parquet(warehouse.resolve("rejects").toString())
            .orderBy(col("source_line")).collectAsList();
    assertEquals(2, rejects.size());
    for (Row reject : rejects) {
      assertEquals("invalid_number", reject.getAs("reason"));
    }
    assertEquals(
        "amount: 1000000000000.96 after FX (rate 1.085) is too large (its size must be below 10^12)",
        rejects.get(0).getAs("detail"));
    assertTrue(((String) rejects.get(1).getAs("detail")).startsWith("amount: 9999999999999999.90"));
  }
}
