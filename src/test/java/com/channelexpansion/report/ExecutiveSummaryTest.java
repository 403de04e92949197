package com.channelexpansion.report;

import static com.channelexpansion.testing.OrderLineFixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Every executive_summary.csv metric (except commission) worked by hand.
 *
 * <p>as-of 2025-03-15: TTM = 2024-04-01..2025-03-15, year-earlier = 2023-04-01..2024-03-15;
 * program_start 2024-01-01. Segments as of 2025-03-15:
 * E EXISTING (first 2023-05-10), R EXISTING (returns only), N1 NEW_ONLINE (first 2024-02-01,
 * won in the year-earlier window), N2 and N3 NEW_ONLINE (won in TTM), S1 NEW_SALES_ASSISTED
 * (won in TTM).
 */
class ExecutiveSummaryTest {
  private static final LocalDate PROGRAM_START = LocalDate.parse("2024-01-01");
  private static final LocalDate AS_OF = LocalDate.parse("2025-03-15");

  @Test
  void everyMetricOnASmallInput() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> orderLines =
        OrderLineFixtures.frame(
            spark,
            // Year-earlier window.
            line("E", "E-1", 1).on("2023-05-10").salesAssisted().amount("1000.00").build(),
            line("E", "E-2", 1).on("2023-09-01").online().amount("200.00").build(),
            line("N1", "N1-1", 1).on("2024-02-01").online().amount("100.00").build(),
            line("N1", "N1-2", 1).on("2024-03-01").online().amount("50.00").build(),
            // Between the windows (after 2024-03-15, before 2024-04-01): in neither.
            line("E", "E-5", 1).on("2024-03-20").salesAssisted().amount("5000.00").build(),
            // TTM window.
            line("E", "E-3", 1).on("2024-05-01").salesAssisted().amount("800.00").build(),
            line("E", "E-4", 1).on("2024-06-01").online().amount("300.00").build(),
            line("E", "E-4", 2).on("2024-06-01").salesAssisted().amount("100.00").build(),
            line("E", "E-6", 1).on("2024-07-01").online().amount("999.00").cancelled().build(),
            line("R", "R-1", 1).on("2024-07-15").online().quantity("-1").amount("-30.00").build(),
            line("N1", "N1-3", 1).on("2024-08-01").salesAssisted().amount("70.00").build(),
            line("S1", "S1-1", 1).on("2024-09-01").salesAssisted().amount("500.00").build(),
            line("N2", "N2-1", 1).on("2024-10-01").online().amount("60.00").build(),
            line("N2", "N2-2", 1).on("2024-11-01").online().quantity("-1").amount("-10.00").build(),
            line("N3", "N3-1", 1).on("2024-12-01").online().amount("40.00").build(),
            line("N3", "N3-2", 1).on("2025-03-15").online().amount("20.00").build(),
            // The day after as-of: not counted.
            line("N2", "N2-3", 1).on("2025-03-16").online().amount("7777.00").build());
    Dataset<Row> counted = CountedLines.asOf(orderLines, AS_OF);
    Dataset<Row> classified = ReportStages.classified(counted, PROGRAM_START);

    List<SummaryMetric> metrics = ReportStages.summary(counted, classified, AS_OF);

    assertEquals(
        List.of(
            "net_revenue",
            "online_revenue_share",
            "new_online_customers",
            "new_online_revenue",
            "new_sales_assisted_customers",
            "channel_shift_revenue",
            "channel_shift_share",
            "core_sales_revenue",
            "avg_order_value_online",
            "avg_order_value_sales_assisted",
            "new_online_repeat_rate",
            "unidentified_revenue"),
        metrics.stream().map(SummaryMetric::metric).collect(Collectors.toList()));
    // TTM lines: E-3 SA 800, E-4 ON 300 + SA 100, R-1 ON -30, N1-3 SA 70, S1-1 SA 500,
    //   N2-1 ON 60, N2-2 ON -10, N3-1 ON 40, N3-2 ON 20 (E-6 cancelled, N2-3 after as-of).
    //   ONLINE = 300 - 30 + 60 - 10 + 40 + 20 = 380; SA = 800 + 100 + 70 + 500 = 1470; net 1850.
    // Year-earlier lines: E-1 SA 1000, E-2 ON 200, N1-1 ON 100, N1-2 ON 50 (E-5 in neither):
    //   ONLINE = 350; SA = 1000; net 1350.
    // net_revenue: 1850 / 1350 - 1 = 0.37037 -> 0.3704
    assertMetric(metrics, 0, "1850.00", "1350.00", "0.3704");
    // online share: 380/1850 = 0.205405 -> 0.2054; 350/1350 = 0.259259 -> 0.2593;
    // change from unrounded values: (380*1350)/(1850*350) - 1 = 513000/647500 - 1 = -0.207722
    // -> -0.2077 (the rounded shares would give 0.2054/0.2593 - 1 = -0.2079).
    assertMetric(metrics, 1, "0.2054", "0.2593", "-0.2077");
    // new online customers: TTM N2, N3 = 2; year-earlier N1 = 1; 2/1 - 1 = 1.0000
    assertMetric(metrics, 2, "2", "1", "1.0000");
    // new online revenue (any channel): TTM N1-3 70 + N2 60 - 10 + N3 40 + 20 = 180;
    // year-earlier N1 100 + 50 = 150; 180/150 - 1 = 0.2000
    assertMetric(metrics, 3, "180.00", "150.00", "0.2000");
    // new sales-assisted customers: TTM S1 = 1; year-earlier 0 -> change empty (1 / 0).
    assertMetric(metrics, 4, "1", "0", null);
    // channel shift (EXISTING x ONLINE): TTM E-4 300 + R-1 -30 = 270; year-earlier E-2 200;
    // 270/200 - 1 = 0.3500
    assertMetric(metrics, 5, "270.00", "200.00", "0.3500");
    // channel shift share: EXISTING revenue TTM 800 + 300 + 100 - 30 = 1170, 270/1170 = 0.230769
    // -> 0.2308; year-earlier 1000 + 200 = 1200, 200/1200 = 0.166667 -> 0.1667;
    // change (270*1200)/(1170*200) - 1 = 324000/234000 - 1 = 0.384615 -> 0.3846
    assertMetric(metrics, 6, "0.2308", "0.1667", "0.3846");
    // core sales (EXISTING x SA): TTM 800 + 100 = 900; year-earlier 1000; 900/1000 - 1 = -0.1000
    assertMetric(metrics, 7, "900.00", "1000.00", "-0.1000");
    // AOV online: TTM 380 / 6 orders (E-4, R-1, N2-1, N2-2, N3-1, N3-2) = 63.333 -> 63.33;
    // year-earlier 350 / 3 (E-2, N1-1, N1-2) = 116.667 -> 116.67;
    // change (380/6)/(350/3) - 1 = 1140/2100 - 1 = -0.457143 -> -0.4571
    assertMetric(metrics, 8, "63.33", "116.67", "-0.4571");
    // AOV sales-assisted: TTM 1470 / 4 (E-3, E-4, N1-3, S1-1) = 367.50; year-earlier 1000 / 1;
    // 367.5/1000 - 1 = -0.6325 (E-4 has lines in both channels: it counts in both averages)
    assertMetric(metrics, 9, "367.50", "1000.00", "-0.6325");
    // repeat rate: TTM new online N2 (positive orders: N2-1 only; N2-2 is a return) and N3
    // (N3-1, N3-2) -> 1/2 = 0.5000; year-earlier N1 (N1-1, N1-2) -> 1/1 = 1.0000; 0.5/1 - 1 = -0.5
    assertMetric(metrics, 10, "0.5000", "1.0000", "-0.5000");
    // No UNIDENTIFIED line: 0 in both windows, change 0/0 empty.
    assertMetric(metrics, 11, "0.00", "0.00", null);
  }

  @Test
  void unidentifiedLinesCountInRevenueOrdersAndAveragesButInNoCustomerMetric() {
    // as-of 2025-03-15 as above: TTM 2024-04-01..2025-03-15, year-earlier 2023-04-01..2024-03-15;
    // program_start 2024-01-01. E EXISTING, N NEW_ONLINE won in TTM. The UNIDENTIFIED lines'
    // first positive one is online after program_start: as a customer it would be NEW_ONLINE.
    SparkSession spark = SharedSpark.get();
    Dataset<Row> orderLines =
        OrderLineFixtures.frame(
            spark,
            line("E", "E-1", 1).on("2023-05-10").salesAssisted().amount("1000.00").build(),
            line("E", "E-2", 1).on("2024-06-01").online().amount("200.00").build(),
            line("N", "N-1", 1).on("2024-10-01").online().amount("60.00").build(),
            line("UNIDENTIFIED", "U-1", 1).on("2024-02-01").online().amount("40.00").build(),
            line("UNIDENTIFIED", "U-2", 1).on("2024-08-15").online().amount("100.00").build(),
            line("UNIDENTIFIED", "U-2", 2).on("2024-08-15").online().amount("20.00").build(),
            line("UNIDENTIFIED", "U-3", 1).on("2024-09-01").online().quantity("-1").amount("-10.00").build(),
            line("UNIDENTIFIED", "U-4", 1).on("2025-01-10").salesAssisted().amount("50.00").build());
    Dataset<Row> counted = CountedLines.asOf(orderLines, AS_OF);
    List<SummaryMetric> metrics =
        ReportStages.summary(counted, ReportStages.classified(counted, PROGRAM_START), AS_OF);

    // TTM: ONLINE E-2 200 + U-2 120 + U-3 -10 + N-1 60 = 370; SA U-4 50; net 420.
    // Year-earlier: ONLINE U-1 40; SA E-1 1000; net 1040. 420/1040 - 1 = -0.596154
    assertMetric(metrics, 0, "420.00", "1040.00", "-0.5962");
    // 370/420 = 0.880952; 40/1040 = 0.038462; (370*1040)/(420*40) - 1 = 21.904762
    assertMetric(metrics, 1, "0.8810", "0.0385", "21.9048");
    // Only N is a new online customer; UNIDENTIFIED is nobody, its revenue nobody's.
    assertMetric(metrics, 2, "1", "0", null);
    assertMetric(metrics, 3, "60.00", "0.00", null);
    assertMetric(metrics, 4, "0", "0", null);
    // Channel shift and core sales: E's lines only (UNIDENTIFIED is not EXISTING).
    assertMetric(metrics, 5, "200.00", "0.00", null);
    assertMetric(metrics, 6, "1.0000", "0.0000", null);
    assertMetric(metrics, 7, "0.00", "1000.00", "-1.0000");
    // AOV online: TTM 370 / 4 orders (E-2, N-1, U-2, U-3) = 92.50; year-earlier 40 / 1 (U-1);
    // 92.5/40 - 1 = 1.3125. AOV sales-assisted: TTM 50 / 1 (U-4); year-earlier 1000 / 1.
    assertMetric(metrics, 8, "92.50", "40.00", "1.3125");
    assertMetric(metrics, 9, "50.00", "1000.00", "-0.9500");
    // Repeat rate: N has one positive order -> 0/1; no new online customer a year earlier.
    assertMetric(metrics, 10, "0.0000", null, null);
    // unidentified_revenue: TTM 120 - 10 + 50 = 160; year-earlier 40; 160/40 - 1 = 3.
    assertMetric(metrics, 11, "160.00", "40.00", "3.0000");
    assertEquals(
        "Revenue in the period from orders with no known customer (customer id UNIDENTIFIED,"
            + " such as walk-in or staff-keyed orders): part of net revenue, online share and"
            + " order values, but of no customer count or segment figure.",
        metrics.get(11).definition());
  }

  @Test
  void commissionMetricsStandBeforeThoseListedAfterThem() {
    List<SummaryMetric> metrics =
        ExecutiveSummary.metrics(ExecutiveSummary.WindowTotals.EMPTY, ExecutiveSummary.WindowTotals.EMPTY);
    SummaryMetric current = new SummaryMetric("commission_on_online_current", "", null, null, null);
    SummaryMetric proposed = new SummaryMetric("commission_on_online_proposed", "", null, null, null);
    List<String> order =
        ExecutiveSummary.inCsvOrder(metrics, List.of(current, proposed)).stream()
            .map(SummaryMetric::metric)
            .toList();
    assertEquals(14, order.size(), order.toString());
    assertEquals(
        List.of("new_online_repeat_rate", "commission_on_online_current", "commission_on_online_proposed",
            "unidentified_revenue"),
        order.subList(10, 14));
  }

  @Test
  void windowsAroundALeapDayCountOnlyTheirOwnLines() {
    // as-of 2029-02-28: TTM 2028-03-01..2029-02-28, year-earlier 2027-03-01..2028-02-28.
    SparkSession spark = SharedSpark.get();
    Dataset<Row> orderLines =
        OrderLineFixtures.frame(
            spark,
            line("A", "1", 1).on("2027-02-28").salesAssisted().amount("1.00").build(), // neither
            line("A", "2", 1).on("2027-03-01").salesAssisted().amount("10.00").build(), // earlier
            line("A", "3", 1).on("2028-02-28").salesAssisted().amount("20.00").build(), // earlier
            line("A", "4", 1).on("2028-02-29").salesAssisted().amount("400.00").build(), // neither
            line("A", "5", 1).on("2028-03-01").online().amount("30.00").build(), // TTM
            line("A", "6", 1).on("2029-02-28").online().amount("50.00").build()); // TTM
    LocalDate asOf = LocalDate.parse("2029-02-28");
    Dataset<Row> counted = CountedLines.asOf(orderLines, asOf);
    List<SummaryMetric> metrics =
        ReportStages.summary(
            counted, ReportStages.classified(counted, LocalDate.parse("2026-01-01")), asOf);
    // net: TTM 30 + 50 = 80; year-earlier 10 + 20 = 30; 80/30 - 1 = 1.6667
    assertMetric(metrics, 0, "80.00", "30.00", "1.6667");
    // online share: TTM 80/80 = 1; year-earlier 0/30 = 0 -> change 1/0: empty
    assertMetric(metrics, 1, "1.0000", "0.0000", null);
    // AOV sales-assisted: TTM has no SA order -> 0/0 empty; year-earlier 30/2 = 15.00
    assertMetric(metrics, 9, null, "15.00", null);
  }

  @Test
  void emptyWindowGivesZeroSumsAndEmptyRatios() {
    // Pure arithmetic: a year-earlier window without lines.
    ExecutiveSummary.WindowTotals ttm =
        new ExecutiveSummary.WindowTotals(
            new BigDecimal("30.00"), // online
            new BigDecimal("70.00"), // sales-assisted
            new BigDecimal("10.00"), // existing online
            new BigDecimal("40.00"), // existing sales-assisted
            new BigDecimal("20.00"), // new online revenue
            new BigDecimal("3"), // online orders
            new BigDecimal("7"), // sales-assisted orders
            new BigDecimal("0"), // new online customers
            new BigDecimal("0"), // repeaters
            new BigDecimal("2"), // new sales-assisted customers
            new BigDecimal("5.00")); // unidentified revenue
    List<SummaryMetric> metrics =
        ExecutiveSummary.metrics(ttm, ExecutiveSummary.WindowTotals.EMPTY);
    assertMetric(metrics, 0, "100.00", "0.00", null); // 100 / 0: change empty
    assertMetric(metrics, 1, "0.3000", null, null); // 30/100; year-earlier 0/0 empty
    assertMetric(metrics, 6, "0.2000", null, null); // 10/(10+40)
    assertMetric(metrics, 8, "10.00", null, null); // 30/3
    assertMetric(metrics, 10, null, null, null); // no new online customers: 0/0
    assertEquals(
        "Share of net revenue that came through online channels (see channel_definitions.csv).",
        metrics.get(1).definition());
  }

  private static void assertMetric(
      List<SummaryMetric> metrics, int index, String ttm, String yearEarlier, String change) {
    SummaryMetric metric = metrics.get(index);
    assertExact(ttm, metric.ttm(), metric.metric() + " ttm");
    assertExact(yearEarlier, metric.yearEarlier(), metric.metric() + " year_earlier");
    assertExact(change, metric.change(), metric.metric() + " change");
  }

  /** Same value and same scale, i.e. the same text in the CSV. */
  private static void assertExact(String expected, BigDecimal actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else {
      assertEquals(expected, actual == null ? null : actual.toPlainString(), what);
    }
  }
}
