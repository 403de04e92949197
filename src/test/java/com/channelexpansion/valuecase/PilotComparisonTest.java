package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.channelexpansion.config.Pilot;
import com.channelexpansion.config.Rep;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pilot_comparison.csv on 15 hand-made lines (PRODUCT.md, "A pilot against its control"), every
 * expected value worked out below.
 *
 * <p>reps.csv: R1, R2 (the pilot P1), R3, R4, R5 (R5 has no line at all). As of 2026-10-31, P1
 * started 2026-10-01: after = 2026-10-01..2026-10-31 (31 days), before = the 31 days
 * 2026-08-31..2026-09-30. Lines (customer, date, channel, amount, credited rep):
 *
 * <pre>
 *  1 C1 2025-01-10 SA   500.00 R1  C1's first order, in no window
 *  2 C1 2026-09-10 SA   300.00 R1  P1 before
 *  3 C2 2026-08-31 ON   100.00 R2  first day of the before window; C2 acquired ONLINE by R2
 *  4 C3 2026-09-30 SA   600.00 R3  last day of the before window; C3 acquired SA by R3
 *  5 C4 2026-08-30 ON  1000.00 R1  the day before the before window: nowhere (C4 too)
 *  6 C5 2026-09-15 ON  5000.00 HOUSE  neither pilot nor control; C5 acquired by HOUSE
 *  7 C1 2026-10-01 ON   400.00 R1  first day after the start
 *  8 C1 2026-10-05 ON  -100.00 R1  a return (quantity -1): credited amount is net
 *  9 C2 2026-10-31 SA   200.00 R2  the as-of day
 * 10 C3 2026-10-15 ON   300.00 R3
 * 11 C6 2026-10-20 SA   600.00 R4  C6 acquired SA by R4
 * 12 C7 2026-10-02 ON    50.00 R1  C7 acquired ONLINE by R1
 * 13 C8 2026-10-03 ON   150.00 R2  C8 acquired ONLINE by R2
 * 14 C9 2026-10-04 SA   100.00 R3  C9 acquired SA by R3 ...
 * 15 C9 2026-10-10 ON    80.00 R1  ... so this later line of a pilot rep does not make C9 the pilot's
 * </pre>
 */
class PilotComparisonTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-10-31");
  private static final List<Rep> REPS =
      List.of(rep("R1", "North"), rep("R2", "North"), rep("R3", "South"), rep("R4", "South"), rep("R5", "South"));
  private static final Pilot P1 = new Pilot("P1", LocalDate.parse("2026-10-01"), "online push", List.of("R1", "R2"));
  /** R1 sits in P1 and P2; P2's control holds P1's R2. */
  private static final Pilot P2 = new Pilot("P2", LocalDate.parse("2026-10-20"), "late", List.of("R1", "R3"));
  /** Starts after as-of: no row. */
  private static final Pilot P3 = new Pilot("P3", LocalDate.parse("2026-11-01"), "future", List.of("R4"));

  private static Dataset<Row> lines;
  private static Dataset<Row> history;

  /**
   * Baseline plan "current". P1's before window holds September wholly (August only by its 31st),
   * its after window October. Per rep: pilot before (1000 + 1000) / 2 = 1000.00, after
   * (1123.44 + 1123.44) / 2 = 1123.44, change 0.12344; control (R3, R4, R5) before
   * (1500 + 1500) / 3 = 1000.00, after (1499.94 + 1499.94) / 3 = 999.96, change -0.00004. Lift
   * from unrounded changes 0.12348 -> 0.1235 (from the rounded ones it would be 0.1234 - 0.0000).
   */
  private static final RepCommissions COMMISSIONS =
      new RepCommissions(
          List.of(
              entry("2026-08", "R1", "current", "999.00"), // August is not wholly inside: ignored
              entry("2026-09", "R1", "current", "1000.00"),
              entry("2026-09", "R2", "current", "1000.00"),
              entry("2026-09", "R3", "current", "1500.00"),
              entry("2026-09", "R4", "current", "1500.00"),
              entry("2026-10", "R1", "current", "1123.44"),
              entry("2026-10", "R2", "current", "1123.44"),
              entry("2026-10", "R3", "current", "1499.94"),
              entry("2026-10", "R4", "current", "1499.94"),
              entry("2026-10", "HOUSE", "current", "0.00"),
              entry("2026-10", "R1", "proposed", "5000.00"))); // not the baseline: ignored

  @BeforeAll
  static void linesAndHistory() {
    lines =
        OrderLineFixtures.frame(
            SharedSpark.get(),
            line(1, "C1", "2025-01-10", false, "500.00", "R1"),
            line(2, "C1", "2026-09-10", false, "300.00", "R1"),
            line(3, "C2", "2026-08-31", true, "100.00", "R2"),
            line(4, "C3", "2026-09-30", false, "600.00", "R3"),
            line(5, "C4", "2026-08-30", true, "1000.00", "R1"),
            line(6, "C5", "2026-09-15", true, "5000.00", "HOUSE"),
            line(7, "C1", "2026-10-01", true, "400.00", "R1"),
            OrderLineFixtures.line("C1", "O8", 1).on("2026-10-05").online().quantity("-1").amount("-100.00")
                .creditedTo("R1").build(),
            line(9, "C2", "2026-10-31", false, "200.00", "R2"),
            line(10, "C3", "2026-10-15", true, "300.00", "R3"),
            line(11, "C6", "2026-10-20", false, "600.00", "R4"),
            line(12, "C7", "2026-10-02", true, "50.00", "R1"),
            line(13, "C8", "2026-10-03", true, "150.00", "R2"),
            line(14, "C9", "2026-10-04", false, "100.00", "R3"),
            line(15, "C9", "2026-10-10", true, "80.00", "R1"));
    ReportWindows windows = ReportWindows.of(AS_OF);
    StateParameters p =
        new StateParameters(AS_OF, windows.ttmStart(), windows.yearEarlierStart(), windows.yearEarlierEnd(),
            12, new BigDecimal("0.8"));
    Dataset<Row> customers = ReportStages.classified(lines, LocalDate.parse("2026-01-01"));
    history = CustomerHistory.of(lines, customers, windows, p.firstMonthRead());
  }

  @Test
  void theBeforeWindowHasTheAfterWindowsDaysAndEndsTheDayBeforeTheStart() {
    PilotComparison.Windows w = PilotComparison.Windows.of(LocalDate.parse("2026-10-01"), AS_OF);
    // after: Oct 1..31 = 31 days; before: the 31 days Aug 31..Sep 30.
    assertEquals(
        new PilotComparison.Windows(LocalDate.parse("2026-08-31"), LocalDate.parse("2026-09-30"),
            LocalDate.parse("2026-10-01"), AS_OF),
        w);
    // Started on the as-of day: one day each, the before window being the day before.
    PilotComparison.Windows oneDay = PilotComparison.Windows.of(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01"));
    assertEquals(LocalDate.parse("2024-02-29"), oneDay.beforeStart());
    assertEquals(LocalDate.parse("2024-02-29"), oneDay.beforeEnd());
  }

  @Test
  void onlyStartedPilotsHaveRowsSortedByPilotThenMetric() {
    List<PilotRow> rows = rows(REPS, P3, P2, P1);
    // P3 starts the day after as-of: no row. 5 metrics each for P1 and P2, P1 first.
    assertEquals(
        List.of("P1 commission_per_rep_current", "P1 credited_revenue_per_rep", "P1 new_customers_per_rep",
            "P1 new_online_customers_per_rep", "P1 online_share",
            "P2 commission_per_rep_current", "P2 credited_revenue_per_rep", "P2 new_customers_per_rep",
            "P2 new_online_customers_per_rep", "P2 online_share"),
        rows.stream().map(r -> r.pilotId() + " " + r.metric()).toList());
    assertEquals(List.of(), rows(REPS, P3));
  }

  @Test
  void creditedRevenuePerRepCountsEveryRepOfRepsCsvInTheControlAndNoHouseLine() {
    // Pilot before: lines 2 + 3 = 400.00 / 2 reps = 200.00; after: 7 + 8 + 9 + 12 + 13 + 15 =
    // 400 - 100 + 200 + 50 + 150 + 80 = 780.00 / 2 = 390.00; change 390 / 200 - 1 = 0.95.
    // Control R3, R4, R5 (R5 without lines still divides; line 6 of HOUSE counts nowhere):
    // before line 4 = 600.00 / 3 = 200.00; after 10 + 11 + 14 = 1000.00 / 3 = 333.33;
    // change (1000/3) / 200 - 1 = 0.666667; lift 0.95 - 0.666667 = 0.283333.
    assertRow(row(rows(REPS, P1), "P1", "credited_revenue_per_rep"),
        "200.00", "390.00", "0.9500", "200.00", "333.33", "0.6667", "0.2833");
  }

  @Test
  void onlineShareIsOnlineCreditedOverCreditedAndLiftIsEmptyWhenAChangeIs() {
    // Pilot before 100 / 400 = 0.25; after 580 / 780 = 0.743590; change 0.743590 / 0.25 - 1 =
    // 1.974359. Control before 0 / 600 = 0: its change (a zero denominator) and the lift are empty.
    assertRow(row(rows(REPS, P1), "P1", "online_share"),
        "0.2500", "0.7436", "1.9744", "0.0000", "0.3000", null, null);
  }

  @Test
  void newCustomersGoToTheRepOfTheAcquisitionLineFirstOrderInTheWindow() {
    List<PilotRow> rows = rows(REPS, P1);
    // Pilot: before C2 (Aug 31; C4 on Aug 30 is outside) = 1 / 2 = 0.5; after C7, C8 = 2 / 2 = 1
    // (C9 is R3's: its acquisition line is). Control: before C3 = 1 / 3, after C6, C9 = 2 / 3;
    // C5 (HOUSE) is nobody's. Changes 1 and 1, lift 0.
    assertRow(row(rows, "P1", "new_customers_per_rep"),
        "0.5000", "1.0000", "1.0000", "0.3333", "0.6667", "1.0000", "0.0000");
    // Online only: the pilot's are all ONLINE; the control's C3, C6, C9 are SA: 0 / 3, change empty.
    assertRow(row(rows, "P1", "new_online_customers_per_rep"),
        "0.5000", "1.0000", "1.0000", "0.0000", "0.0000", null, null);
  }

  @Test
  void commissionPerRepTakesWholeMonthsOfTheBaselinePlanAndLiftUsesUnroundedChanges() {
    // See COMMISSIONS: change -0.00004 is written 0.0000, the lift 0.12348 -> 0.1235.
    assertRow(row(rows(REPS, P1), "P1", "commission_per_rep_current"),
        "1000.00", "1123.44", "0.1234", "1000.00", "999.96", "0.0000", "0.1235");
  }

  @Test
  void aRepInTwoPilotsCountsInBothAndAPilotWithNoWholeMonthHasNoCommission() {
    List<PilotRow> rows = rows(REPS, P1, P2);
    // P2 (R1, R3) started 2026-10-20: after Oct 20..31 (12 days), before Oct 8..19.
    // Before: line 15 (R1, 80.00) + line 10 (R3, 300.00) = 380.00 / 2 = 190.00; after: no line
    // of R1 or R3 = 0.00, change -1. Control R2, R4, R5: before 0.00, after line 9 (R2, 200.00)
    // + line 11 (R4, 600.00) = 800 / 3 = 266.67; change empty (before is 0), lift empty.
    assertRow(row(rows, "P2", "credited_revenue_per_rep"),
        "190.00", "0.00", "-1.0000", "0.00", "266.67", null, null);
    // Pilot: before 380 of 380 online = 1; after nothing credited: 0 / 0, empty. Control: before
    // 0 / 0 empty, after 0 online of 800 = 0.
    assertRow(row(rows, "P2", "online_share"), "1.0000", null, null, null, "0.0000", null, null);
    // Neither window holds a whole month: every commission value is empty.
    assertRow(row(rows, "P2", "commission_per_rep_current"), null, null, null, null, null, null, null);
    // R1's figures are unchanged in P1 by its place in P2.
    assertRow(row(rows, "P1", "credited_revenue_per_rep"),
        "200.00", "390.00", "0.9500", "200.00", "333.33", "0.6667", "0.2833");
  }

  @Test
  void anEmptyControlGivesEmptyControlValuesAndLift() {
    // reps.csv holds only the pilot's reps: the control is empty.
    List<PilotRow> rows = rows(List.of(rep("R1", "North"), rep("R2", "North")), P1);
    for (PilotRow row : rows) {
      assertNull(row.controlBefore(), row::toString);
      assertNull(row.controlAfter(), row::toString);
      assertNull(row.controlChange(), row::toString);
      assertNull(row.lift(), row::toString);
    }
    assertRow(row(rows, "P1", "credited_revenue_per_rep"), "200.00", "390.00", "0.9500", null, null, null, null);
    assertEquals(5, rows.size());
  }

  private static List<PilotRow> rows(List<Rep> reps, Pilot... pilots) {
    return PilotComparison.rows(Arrays.asList(pilots), reps, lines, history, COMMISSIONS, "current", AS_OF);
  }

  private static PilotRow row(List<PilotRow> rows, String pilot, String metric) {
    return rows.stream()
        .filter(r -> r.pilotId().equals(pilot) && r.metric().equals(metric))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + pilot + " " + metric + " in " + rows));
  }

  /** Compares the written text of each value (scale included); null = empty. */
  private static void assertRow(PilotRow row, String... expected) {
    BigDecimal[] actual = {
      row.pilotBefore(), row.pilotAfter(), row.pilotChange(),
      row.controlBefore(), row.controlAfter(), row.controlChange(), row.lift()
    };
    String[] names = {"pilot_before", "pilot_after", "pilot_change", "control_before", "control_after",
        "control_change", "lift"};
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected[i], actual[i] == null ? null : actual[i].toPlainString(),
          row.pilotId() + " " + row.metric() + " " + names[i]);
    }
  }

  private static Row line(int n, String customer, String date, boolean online, String amount, String rep) {
    OrderLineFixtures.Builder b = OrderLineFixtures.line(customer, "O" + n, 1).on(date).amount(amount).creditedTo(rep);
    return (online ? b.online() : b.salesAssisted()).build();
  }

  private static RepCommissions.Entry entry(String month, String rep, String plan, String commission) {
    return new RepCommissions.Entry(YearMonth.parse(month), rep, plan, new BigDecimal(commission), false);
  }

  private static Rep rep(String id, String team) {
    return new Rep(id, id, team, "EAST");
  }
}
