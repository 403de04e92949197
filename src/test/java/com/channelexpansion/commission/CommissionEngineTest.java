package com.channelexpansion.commission;

import static com.channelexpansion.commission.LineFixtures.money;
import static com.channelexpansion.commission.LineFixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.CommissionPlanRow;
import com.channelexpansion.config.CommissionTier;
import com.channelexpansion.config.Quota;
import com.channelexpansion.config.Rep;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md rule 11 and the commission precise rules, on one fixture computed once.
 *
 * <p>Plans: P = (* x *) rate 0.05, counts toward quota. Q = (ONLINE x *) rate 0.10, counts; a
 * SALES_ASSISTED line matches no row of Q (rate 0, no quota credit). Tiers: P 0.5 -> 1.0, 1.0 ->
 * 1.5, 1.2 -> 2.0; Q 0.5 -> 1.2.
 */
class CommissionEngineTest {
  static final List<CommissionPlanRow> PLANS =
      List.of(
          plan("P", null, null, null, null, "0.050000", true, 2),
          plan("Q", null, null, Channel.ONLINE, null, "0.100000", true, 3));
  static final List<CommissionTier> TIERS =
      List.of(
          new CommissionTier("P", new BigDecimal("0.5"), new BigDecimal("1.0000")),
          new CommissionTier("P", new BigDecimal("1.2"), new BigDecimal("2.0000")),
          new CommissionTier("P", new BigDecimal("1.0"), new BigDecimal("1.5000")),
          new CommissionTier("Q", new BigDecimal("0.5"), new BigDecimal("1.2000")));
  static final List<Quota> QUOTAS =
      List.of(
          new Quota("R1", "2025-01", new BigDecimal("1000.00")),
          new Quota("R1", "2025-02", new BigDecimal("1000.00")),
          new Quota("R2", "2025-01", new BigDecimal("2000000.00")),
          new Quota("R4", "2025-01", new BigDecimal("0.00")), // <= 0: no quota
          new Quota("R5", "2025-01", new BigDecimal("-100.00")), // <= 0: no quota
          new Quota("HOUSE", "2025-01", new BigDecimal("50.00"))); // HOUSE never has a quota

  static Dataset<Row> lines;
  static Map<String, Row> monthly;

  @BeforeAll
  static void computeOnce() {
    lines =
        new LineFixtures()
            .line("2025-01-05", "ONLINE", "EXISTING", "R1", "600.00")
            .line("2025-01-20", "SALES_ASSISTED", "EXISTING", "R1", "400.00")
            .line("2025-01-10", "SALES_ASSISTED", "EXISTING", "R2", "1999999.00")
            .line("2025-01-11", "ONLINE", "NEW_ONLINE", "R3", "100.00")
            .line("2025-01-12", "ONLINE", "NEW_ONLINE", "R4", "100.00")
            .line("2025-01-13", "SALES_ASSISTED", "EXISTING", "R5", "100.00")
            .line("2025-01-14", "ONLINE", "NEW_ONLINE", "HOUSE", "200.00")
            .line("2025-02-03", "SALES_ASSISTED", "EXISTING", "R1", "-300.00") // clawback
            .line("2025-02-04", "SALES_ASSISTED", "EXISTING", "R6", "-0.50")
            .line("2025-02-05", "ONLINE", "EXISTING", "R7", "0.50")
            .line("2025-02-06", "ONLINE", "EXISTING", "R8", "0.50")
            .frame()
            .cache();
    monthly = new HashMap<>();
    for (Row row : commissionsTable(lines, PLANS, TIERS, QUOTAS).collectAsList()) {
      monthly.put(row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2), row);
    }
  }

  @Test
  void oneRowPerPlanForEveryMonthAndRepWithLinesHouseIncluded() {
    // Jan: R1 R2 R3 R4 R5 HOUSE; Feb: R1 R6 R7 R8 -> 10 (month, rep) x 2 plans.
    assertEquals(20, monthly.size());
  }

  @Test
  void schemaMatchesTheCommissionsContract() {
    StructField[] fields = commissionsTable(lines, PLANS, TIERS, QUOTAS).schema().fields();
    StructField[] expected = CommissionColumns.SCHEMA.fields();
    assertEquals(expected.length, fields.length);
    for (int i = 0; i < fields.length; i++) {
      assertEquals(expected[i].name(), fields[i].name());
      assertEquals(expected[i].dataType(), fields[i].dataType(), fields[i].name());
    }
    // Intermediates never round quietly: base is the exact sum of rate(9,6) * amount(18,2) at
    // scale 8 (DECIMAL(38,8): no sum of amounts below 10^12 overflows it), and base * multiplier
    // is rounded once, in BigDecimal: Spark would first narrow DECIMAL(38,8) * DECIMAL(9,4) to 6
    // places, and 0.00499999 would then round to 0.005000 and on to 0.01.
    Dataset<Row> terms = CommissionEngine.terms(lines, PLANS, TIERS, QUOTAS);
    assertEquals(DataTypes.createDecimalType(38, 8), terms.schema().apply("base").dataType());
    assertEquals(
        new BigDecimal("0.00"),
        CommissionEngine.commission(new BigDecimal("0.00499999"), new BigDecimal("1.0000")));
  }

  @Test
  void scenariosRefuseABaselineThatIsNotAPlan() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CommissionScenarios.build(
                    lines, List.of(), List.of("P", "Q"), "Z", YearMonth.of(2025, 1),
                    YearMonth.of(2025, 2)));
    assertEquals(
        "Cannot build commission scenarios: baseline plan Z is not a plan (plans: P, Q)",
        e.getMessage());
  }

  @Test
  void attainmentExactlyAtThresholdTakesThatTier() {
    // R1 Jan, P: quota credit 600 + 400 = 1000.00 / 1000.00 = 1.000000 -> tier 1.0 (x1.5).
    // base = 0.05 * 1000.00 = 50.00; commission = 50.00 * 1.5 = 75.00.
    assertRow("2025-01/R1/P", "1000.00", "600.00", "1000.00", "1.000000", "1.5000", "75.00");
  }

  @Test
  void writtenAttainmentIsRoundedButTierUsesTheExactValue() {
    // R2 Jan, P: 1999999.00 / 2000000.00 = 0.9999995, written HALF_UP 1.000000, but it is below
    // 1.0, so the tier is 0.5 (x1.0). base = 0.05 * 1999999.00 = 99999.95 -> commission 99999.95
    // (with the 1.0 tier it would have been 149999.93).
    assertRow("2025-01/R2/P", "1999999.00", "0.00", "2000000.00", "1.000000", "1.0000", "99999.95");
  }

  @Test
  void noQuotaOrQuotaNotPositiveMeansNoAttainmentAndMultiplierOne() {
    // R3 (no quota), R4 (quota 0), R5 (quota -100): base = 0.05 * 100.00 = 5.00, multiplier 1.
    assertRow("2025-01/R3/P", "100.00", "100.00", null, null, "1.0000", "5.00");
    assertRow("2025-01/R4/P", "100.00", "100.00", null, null, "1.0000", "5.00");
    assertRow("2025-01/R5/P", "100.00", "0.00", null, null, "1.0000", "5.00");
  }

  @Test
  void clawbackMakesTheMonthNegative() {
    // R1 Feb: a return of -300.00 against quota 1000.00: attainment -0.300000, below every tier
    // -> x1; base = 0.05 * -300.00 = -15.00 -> commission -15.00.
    assertRow("2025-02/R1/P", "-300.00", "0.00", "1000.00", "-0.300000", "1.0000", "-15.00");
    // Q: the SALES_ASSISTED return matches no Q row: no quota credit, attainment 0 -> x1, 0.00.
    assertRow("2025-02/R1/Q", "-300.00", "0.00", "1000.00", "0.000000", "1.0000", "0.00");
  }

  @Test
  void halfUpRoundsAwayFromZero() {
    // R6: 0.05 * -0.50 = -0.025 -> -0.03 (HALF_EVEN would give -0.02).
    assertRow("2025-02/R6/P", "-0.50", "0.00", null, null, "1.0000", "-0.03");
    // R7: 0.05 * 0.50 = 0.025 -> 0.03.
    assertRow("2025-02/R7/P", "0.50", "0.50", null, null, "1.0000", "0.03");
  }

  @Test
  void houseGetsRowsButEarnsNothing() {
    // HOUSE: 200.00 ONLINE; its quota row is ignored; base would be 10.00 (P) and 20.00 (Q).
    assertRow("2025-01/HOUSE/P", "200.00", "200.00", null, null, "1.0000", "0.00");
    assertRow("2025-01/HOUSE/Q", "200.00", "200.00", null, null, "1.0000", "0.00");
  }

  @Test
  void lineMatchingNoRowCountsInCreditedRevenueButNotInQuota() {
    // R1 Jan, Q: the ONLINE 600.00 matches (0.10, counts), the SALES_ASSISTED 400.00 matches no
    // row. credited 1000.00; quota credit 600.00 / 1000.00 = 0.600000 -> tier 0.5 (x1.2);
    // base = 0.10 * 600.00 = 60.00 -> 72.00.
    assertRow("2025-01/R1/Q", "1000.00", "600.00", "1000.00", "0.600000", "1.2000", "72.00");
    // R2 Jan, Q: nothing matches: attainment 0.000000, x1, commission 0.00.
    assertRow("2025-01/R2/Q", "1999999.00", "0.00", "2000000.00", "0.000000", "1.0000", "0.00");
  }

  @Test
  void creditedRevenueOfAllRepsAndHouseIsNetRevenuePerMonthAndPlan() {
    // Jan: 600 + 400 + 1999999 + 100 + 100 + 100 + 200 = 2001499.00
    // Feb: -300 - 0.50 + 0.50 + 0.50 = -299.50
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Row row : monthly.values()) {
      sums.merge(row.getString(0) + "/" + row.getString(2), row.getDecimal(3), BigDecimal::add);
    }
    assertEquals(money("2001499.00"), sums.get("2025-01/P"));
    assertEquals(money("2001499.00"), sums.get("2025-01/Q"));
    assertEquals(money("-299.50"), sums.get("2025-02/P"));
    assertEquals(money("-299.50"), sums.get("2025-02/Q"));
  }

  @Test
  void onlineCommissionPerPlanIsRoundedOnce() {
    // P, ONLINE lines of reps (HOUSE excluded): R1 600.00 * 0.05 * 1.5 = 45.00; R3 5.00; R4 5.00;
    // R7 0.025; R8 0.025 -> 55.05 (rounding each month first would give 55.06).
    // Q: R1 600.00 * 0.10 * 1.2 = 72.00; R3 10.00; R4 10.00; R7 0.05; R8 0.05 -> 92.10.
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    expected.put("P", money("55.05"));
    expected.put("Q", money("92.10"));
    assertEquals(expected, onlineCommissionInCents(lines, PLANS, TIERS, QUOTAS));
  }

  @Test
  void planRowStartingInsideAMonthSplitsThatMonth() {
    // M: 0.01 through 2025-03-14, 0.02 from 2025-03-15. R1 in March: 1000.00 on the 14th and
    // 1000.00 on the 15th: base = 10.00 + 20.00 = 30.00; no quota -> commission 30.00.
    List<CommissionPlanRow> plans =
        List.of(
            plan("M", null, "2025-03-14", null, null, "0.01", true, 2),
            plan("M", "2025-03-15", null, null, null, "0.02", true, 3));
    Dataset<Row> march =
        new LineFixtures()
            .line("2025-03-14", "ONLINE", "EXISTING", "R1", "1000.00")
            .line("2025-03-15", "ONLINE", "EXISTING", "R1", "1000.00")
            .frame();
    List<Row> rows = commissionsTable(march, plans, List.of(), List.of()).collectAsList();
    assertEquals(1, rows.size());
    assertEquals(money("30.00"), rows.get(0).getDecimal(8));
  }

  @Test
  void attainmentRoundsHalfUpAwayFromZeroToSixPlaces() {
    // 1999999.00 / 2000000.00 = 0.9999995 -> 1.000000; -1.00 / 2000000.00 = -0.0000005 -> -0.000001
    assertEquals(
        new BigDecimal("1.000000"),
        CommissionEngine.attainment(new BigDecimal("1999999.00"), new BigDecimal("2000000.00")));
    assertEquals(
        new BigDecimal("-0.000001"),
        CommissionEngine.attainment(new BigDecimal("-1.00"), new BigDecimal("2000000.00")));
    assertNull(CommissionEngine.attainment(new BigDecimal("1.00"), null));
  }

  @Test
  void anAttainmentBeyondItsColumnIsEmptyNotAFailedReport() {
    // About 10^15 credited in a month (a thousand lines near the amount bound): against a quota
    // of 0.50 the attainment, 2 x 10^15, does not fit DECIMAL(18,6) and is written empty (before,
    // the report failed; the multiplier never reads it); against 1,000.00 it still fits.
    assertNull(
        CommissionEngine.attainment(new BigDecimal("999999999999990.00"), new BigDecimal("0.50")));
    assertEquals(
        new BigDecimal("999999999999.990000"),
        CommissionEngine.attainment(new BigDecimal("999999999999990.00"), new BigDecimal("1000.00")));
  }

  @Test
  void scenariosSumTheWindowAndCompareWithTheBaseline() {
    Dataset<Row> commissions = commissionsTable(lines, PLANS, TIERS, QUOTAS);
    // reps.csv out of order; R9 has no lines, HOUSE is never a rep; R4, R5, R8 are not listed.
    List<Rep> reps =
        List.of(
            new Rep("R7", "Gil", "T", "E"),
            new Rep("R1", "Ann", "T", "E"),
            new Rep("HOUSE", "House", "T", "E"),
            new Rep("R9", "Ivy", "T", "E"),
            new Rep("R3", "Cy", "T", "E"),
            new Rep("R6", "Fay", "T", "E"),
            new Rep("R2", "Bob", "T", "E"));
    CommissionScenarios.Table table =
        CommissionScenarios.build(
            commissions, reps, List.of("P", "Q"), "P", YearMonth.of(2025, 1),
            YearMonth.of(2025, 2));
    assertEquals(
        List.of("rep_id", "rep_name", "online_credited_revenue", "commission_P", "commission_Q",
            "delta_Q"),
        table.header());
    assertEquals(
        List.of(
            // R1: P 75.00 - 15.00 = 60.00; Q 72.00 + 0.00 = 72.00; delta 12.00
            List.of("R1", "Ann", money("600.00"), money("60.00"), money("72.00"), money("12.00")),
            // R2: P 99999.95, Q 0.00, delta -99999.95
            List.of("R2", "Bob", money("0.00"), money("99999.95"), money("0.00"), money("-99999.95")),
            // R3: P 5.00, Q 10.00 (0.10 * 100.00), delta 5.00
            List.of("R3", "Cy", money("100.00"), money("5.00"), money("10.00"), money("5.00")),
            // R6: P -0.03, Q 0.00, delta 0.03
            List.of("R6", "Fay", money("0.00"), money("-0.03"), money("0.00"), money("0.03")),
            // R7: P 0.03, Q 0.05, delta 0.02
            List.of("R7", "Gil", money("0.50"), money("0.03"), money("0.05"), money("0.02"))),
        table.rows());

    // February only, baseline Q: R1's row is P -15.00, Q 0.00, delta_P = -15.00 - 0.00.
    CommissionScenarios.Table february =
        CommissionScenarios.build(
            commissions, reps, List.of("P", "Q"), "Q", YearMonth.of(2025, 2),
            YearMonth.of(2025, 2));
    assertEquals("delta_P", february.header().get(5));
    assertEquals(
        List.of("R1", "R6", "R7"), february.rows().stream().map(r -> r.get(0)).toList());
    assertEquals(
        List.of("R1", "Ann", money("0.00"), money("-15.00"), money("0.00"), money("-15.00")),
        february.rows().get(0));
  }

  private static void assertRow(
      String key, String credited, String online, String quota, String attainment,
      String multiplier, String commission) {
    Row row = monthly.get(key);
    assertEquals(money(credited), row.getDecimal(3), key + " credited_revenue");
    assertEquals(money(online), row.getDecimal(4), key + " online_credited_revenue");
    assertEquals(quota == null ? null : money(quota), row.getDecimal(5), key + " quota_amount");
    assertEquals(
        attainment == null ? null : new BigDecimal(attainment), row.getDecimal(6), key + " attainment");
    assertEquals(new BigDecimal(multiplier), row.getDecimal(7), key + " multiplier");
    assertEquals(money(commission), row.getDecimal(8), key + " commission");
  }

  /** The commissions/ table as the report builds it: {@link CommissionEngine#tableOf} its terms. */
  private static Dataset<Row> commissionsTable(
      Dataset<Row> lines, List<CommissionPlanRow> plans, List<CommissionTier> tiers, List<Quota> quotas) {
    return CommissionEngine.tableOf(CommissionEngine.terms(lines, plans, tiers, quotas));
  }

  /** The online commission per plan as the report computes it, rounded once to cents as written. */
  private static Map<String, BigDecimal> onlineCommissionInCents(
      Dataset<Row> lines, List<CommissionPlanRow> plans, List<CommissionTier> tiers, List<Quota> quotas) {
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    CommissionEngine.onlineCommissionOfTerms(
            CommissionEngine.terms(lines, plans, tiers, quotas), PlanRowMatcher.planIdsInOrder(plans))
        .forEach((plan, exact) -> result.put(plan, exact.setScale(2, java.math.RoundingMode.HALF_UP)));
    return result;
  }
}
