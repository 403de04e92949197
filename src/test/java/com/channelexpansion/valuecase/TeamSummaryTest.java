package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.channelexpansion.config.Rep;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.report.SummaryMetric;
import com.channelexpansion.report.SummaryTotals;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * team_summary on 13 hand-made lines (PRODUCT.md, "Teams"), every expected value worked out below.
 *
 * <p>As of 2026-10-15: TTM = 2025-11-01..2026-10-15, year earlier = 2024-11-01..2025-10-15;
 * program_start 2025-01-01. reps.csv: A1, A2 team North; B1 South; U1 an empty team
 * (UNASSIGNED); Z1 team Zeta, which has no line. Lines (customer, date, channel, amount, rep):
 *
 * <pre>
 *  1 E1 2024-06-01 SA  100.00 A1     E1's first order: EXISTING; in no window
 *  2 E1 2025-03-10 ON  200.00 B1     year earlier, South: channel shift
 *  3 E1 2025-10-20 ON  500.00 A1     between the two windows: nowhere
 *  4 E1 2026-02-01 SA  300.00 A1     TTM North: core sales
 *  5 E1 2026-03-01 ON   50.00 A2     TTM North: channel shift
 *  6 E1 2026-10-15 SA   10.00 B1     the as-of day, TTM South: core sales
 *  7 N1 2026-01-05 ON  400.00 B1     N1's acquisition line: NEW_ONLINE, a South customer
 *  8 N1 2026-02-05 SA  100.00 A1     N1's second order, credited to North
 *  9 N2 2026-04-01 SA  250.00 U1     N2's acquisition line: NEW_SALES_ASSISTED, UNASSIGNED
 * 10 N2 2026-05-01 SA  -50.00 U1     a return
 * 11 N3 2025-06-01 ON   80.00 HOUSE  N3's acquisition line: NEW_ONLINE, a HOUSE customer
 * 12 N3 2026-06-01 ON   20.00 HOUSE
 * 13 UNIDENTIFIED 2026-07-01 ON 70.00 A2  no customer; North's revenue
 * </pre>
 *
 * TTM net revenue per team: North 4 + 5 + 8 + 13 = 300 + 50 + 100 + 70 = 520.00; South 6 + 7 =
 * 410.00; UNASSIGNED 9 + 10 = 200.00; HOUSE 12 = 20.00; Zeta 0.00: company 1150.00. Year
 * earlier: South 2 = 200.00, HOUSE 11 = 80.00: company 280.00.
 */
class TeamSummaryTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-10-15");
  private static final List<Rep> REPS =
      List.of(rep("A1", "North"), rep("A2", "North"), rep("B1", "South"), rep("U1", ""), rep("Z1", "Zeta"));
  private static final List<String> TEAMS = List.of("HOUSE", "North", "South", "UNASSIGNED", "Zeta");
  private static final List<String> METRICS =
      List.of("net_revenue", "online_revenue_share", "new_online_customers", "new_online_revenue",
          "new_sales_assisted_customers", "channel_shift_revenue", "channel_shift_share",
          "core_sales_revenue", "avg_order_value_online", "avg_order_value_sales_assisted",
          "new_online_repeat_rate", "unidentified_revenue", "commission_current", "commission_proposed");

  /**
   * Monthly commissions. TTM (2025-11..2026-10, October through as-of as commissions/ has it):
   * North A2 3 + A1 30 + A2 5 + A1 7 = 45.00, South 40.00, UNASSIGNED 25.00, HOUSE 0.00, Zeta
   * 0.00; proposed: North 33.00. Year earlier (2024-11..2025-10, October through 2025-10-15, the
   * partial entry): South 8 + 20 = 28.00 (not the whole October's 999, not A1's 1000 of
   * 2024-10), others 0.00.
   */
  private static final RepCommissions COMMISSIONS =
      new RepCommissions(
          List.of(
              entry("2024-10", "A1", "current", "1000.00", false), // before the year-earlier window
              entry("2025-05", "B1", "current", "8.00", false),
              entry("2025-10", "B1", "current", "999.00", false), // whole October: not the window's
              entry("2025-10", "B1", "current", "20.00", true), // October through 2025-10-15
              entry("2025-11", "A2", "current", "3.00", false),
              entry("2026-01", "B1", "current", "40.00", false),
              entry("2026-02", "A1", "current", "30.00", false),
              entry("2026-02", "A1", "proposed", "33.00", false),
              entry("2026-03", "A2", "current", "5.00", false),
              entry("2026-04", "U1", "current", "25.00", false),
              entry("2026-06", "HOUSE", "current", "0.00", false),
              entry("2026-10", "A1", "current", "7.00", false)));

  private static List<TeamSummary.TeamMetric> rows;
  private static List<SummaryMetric> company;

  @BeforeAll
  static void teamSummaryAndCompanySummary() {
    Dataset<Row> lines =
        OrderLineFixtures.frame(
            SharedSpark.get(),
            line(1, "E1", "2024-06-01", false, "100.00", "A1"),
            line(2, "E1", "2025-03-10", true, "200.00", "B1"),
            line(3, "E1", "2025-10-20", true, "500.00", "A1"),
            line(4, "E1", "2026-02-01", false, "300.00", "A1"),
            line(5, "E1", "2026-03-01", true, "50.00", "A2"),
            line(6, "E1", "2026-10-15", false, "10.00", "B1"),
            line(7, "N1", "2026-01-05", true, "400.00", "B1"),
            line(8, "N1", "2026-02-05", false, "100.00", "A1"),
            line(9, "N2", "2026-04-01", false, "250.00", "U1"),
            OrderLineFixtures.line("N2", "O10", 1).on("2026-05-01").salesAssisted().quantity("-1")
                .amount("-50.00").creditedTo("U1").build(),
            line(11, "N3", "2025-06-01", true, "80.00", "HOUSE"),
            line(12, "N3", "2026-06-01", true, "20.00", "HOUSE"),
            line(13, "UNIDENTIFIED", "2026-07-01", true, "70.00", "A2"));
    ReportWindows windows = ReportWindows.of(AS_OF);
    StateParameters p =
        new StateParameters(AS_OF, windows.ttmStart(), windows.yearEarlierStart(), windows.yearEarlierEnd(),
            12, new BigDecimal("0.8"));
    Dataset<Row> customers = ReportStages.classified(lines, LocalDate.parse("2025-01-01"));
    Dataset<Row> history = CustomerHistory.of(lines, customers, windows, p.firstMonthRead());
    rows =
        TeamSummary.rows(
            SummaryTotals.byWindowAndGroup(TeamSummary.teamFacts(lines, history, REPS, windows), TeamSummary.TEAM),
            Teams.all(REPS), Teams.byRep(REPS), List.of("current", "proposed"), COMMISSIONS, windows);
    company = ReportStages.summary(lines, customers, AS_OF);
  }

  @Test
  void everyTeamOfRepsCsvAndHouseHasEveryMetricInOrderEvenWithoutLines() {
    List<String> expected = TEAMS.stream().flatMap(t -> METRICS.stream().map(m -> t + " " + m)).toList();
    assertEquals(expected, rows.stream().map(r -> r.team() + " " + r.metric()).toList());
    // Zeta (Z1, no line): zeros for sums and counts, empty ratios, 0.00 commission.
    assertMetric("Zeta", "net_revenue", "0.00", "0.00", null);
    assertMetric("Zeta", "new_online_customers", "0", "0", null);
    assertMetric("Zeta", "online_revenue_share", null, null, null);
    assertMetric("Zeta", "commission_current", "0.00", "0.00", null);
  }

  @Test
  void aLineCountsForTheTeamOfItsCreditedRepHouseLinesForHouse() {
    assertMetric("North", "net_revenue", "520.00", "0.00", null);
    assertMetric("South", "net_revenue", "410.00", "200.00", "1.0500"); // 410 / 200 - 1
    assertMetric("UNASSIGNED", "net_revenue", "200.00", "0.00", null); // 250 - 50, the return netted
    assertMetric("HOUSE", "net_revenue", "20.00", "80.00", "-0.7500"); // 20 / 80 - 1
    // North online: lines 5 + 13 = 120 of 520 = 0.230769.
    assertMetric("North", "online_revenue_share", "0.2308", null, null);
    assertMetric("North", "unidentified_revenue", "70.00", "0.00", null);
    // E1 is EXISTING: its ONLINE line 5 is North's channel shift, line 2 South's a year earlier;
    // North's share 50 / (50 + 300) = 0.142857.
    assertMetric("North", "channel_shift_revenue", "50.00", "0.00", null);
    assertMetric("North", "channel_shift_share", "0.1429", null, null);
    assertMetric("South", "channel_shift_revenue", "0.00", "200.00", "-1.0000");
    assertMetric("South", "core_sales_revenue", "10.00", "0.00", null);
    // N1's line 8 is new online revenue of North, whose customer N1 is not.
    assertMetric("North", "new_online_revenue", "100.00", "0.00", null);
    // North's orders: online O5, O13 -> 120 / 2; sales-assisted O4, O8 -> 400 / 2.
    assertMetric("North", "avg_order_value_online", "60.00", null, null);
    assertMetric("North", "avg_order_value_sales_assisted", "200.00", null, null);
  }

  @Test
  void customerCountsGoToTheTeamOfTheAcquisitionLineTheirOrdersCountWhateverTheTeam() {
    // N1 was won by B1 (South) although it also bought from A1 (North).
    assertMetric("South", "new_online_customers", "1", "0", null);
    assertMetric("North", "new_online_customers", "0", "0", null);
    // N3's acquisition line is HOUSE's, a year earlier; N2's is U1's (UNASSIGNED).
    assertMetric("HOUSE", "new_online_customers", "0", "1", "-1.0000"); // 0 / 1 - 1
    assertMetric("UNASSIGNED", "new_sales_assisted_customers", "1", "0", null);
    // N1's two orders (O7 at South, O8 at North) make South's one new online customer a repeater.
    assertMetric("South", "new_online_repeat_rate", "1.0000", null, null);
    assertMetric("North", "new_online_repeat_rate", null, null, null);
  }

  @Test
  void theSevenAdditiveMetricsAddUpExactlyToTheCompany() {
    // Company TTM / year earlier: net 1150.00 / 280.00, new online revenue 400 + 100 + 20 = 520.00
    // / 80.00, channel shift 50.00 / 200.00, core sales 310.00 / 0.00, unidentified 70.00 / 0.00,
    // new online customers 1 / 1, new sales-assisted customers 1 / 0.
    String[][] expected = {
      {"net_revenue", "1150.00", "280.00"},
      {"new_online_revenue", "520.00", "80.00"},
      {"channel_shift_revenue", "50.00", "200.00"},
      {"core_sales_revenue", "310.00", "0.00"},
      {"unidentified_revenue", "70.00", "0.00"},
      {"new_online_customers", "1", "1"},
      {"new_sales_assisted_customers", "1", "0"},
    };
    for (String[] e : expected) {
      SummaryMetric c = company.stream().filter(m -> m.metric().equals(e[0])).findFirst().orElseThrow();
      assertEquals(0, new BigDecimal(e[1]).compareTo(c.ttm()), "company " + e[0]);
      assertEquals(0, new BigDecimal(e[2]).compareTo(c.yearEarlier()), "company " + e[0]);
      assertEquals(0, c.ttm().compareTo(teamSum(e[0], true)), "teams' " + e[0] + " ttm");
      assertEquals(0, c.yearEarlier().compareTo(teamSum(e[0], false)), "teams' " + e[0] + " year_earlier");
    }
  }

  @Test
  void commissionPerTeamIsItsRepsMonthlyCommissionsOverTheWindow() {
    assertMetric("North", "commission_current", "45.00", "0.00", null);
    assertMetric("South", "commission_current", "40.00", "28.00", "0.4286"); // 40 / 28 - 1
    assertMetric("UNASSIGNED", "commission_current", "25.00", "0.00", null);
    assertMetric("HOUSE", "commission_current", "0.00", "0.00", null);
    assertMetric("North", "commission_proposed", "33.00", "0.00", null);
    assertMetric("South", "commission_proposed", "0.00", "0.00", null);
    // Over all teams: every rep's commission in the window once.
    assertEquals(0, new BigDecimal("110.00").compareTo(teamSum("commission_current", true)));
    assertEquals(0, new BigDecimal("28.00").compareTo(teamSum("commission_current", false)));
  }

  private static void assertMetric(String team, String metric, String ttm, String yearEarlier, String change) {
    TeamSummary.TeamMetric row =
        rows.stream().filter(r -> r.team().equals(team) && r.metric().equals(metric)).findFirst().orElse(null);
    assertNotNull(row, team + " " + metric);
    assertEquals(ttm, text(row.ttm()), team + " " + metric + " ttm");
    assertEquals(yearEarlier, text(row.yearEarlier()), team + " " + metric + " year_earlier");
    assertEquals(change, text(row.change()), team + " " + metric + " change");
  }

  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static BigDecimal teamSum(String metric, boolean ttm) {
    return rows.stream()
        .filter(r -> r.metric().equals(metric))
        .map(r -> ttm ? r.ttm() : r.yearEarlier())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Row line(int n, String customer, String date, boolean online, String amount, String rep) {
    OrderLineFixtures.Builder b = OrderLineFixtures.line(customer, "O" + n, 1).on(date).amount(amount).creditedTo(rep);
    return (online ? b.online() : b.salesAssisted()).build();
  }

  private static RepCommissions.Entry entry(String month, String rep, String plan, String commission, boolean partial) {
    return new RepCommissions.Entry(YearMonth.parse(month), rep, plan, new BigDecimal(commission), partial);
  }

  private static Rep rep(String id, String team) {
    return new Rep(id, id, team, "EAST");
  }
}
