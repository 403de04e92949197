package com.channelexpansion.commission;

import static com.channelexpansion.commission.LineFixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.CommissionPlanRow;
import com.channelexpansion.config.Segment;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.junit.jupiter.api.Test;

/** PRODUCT.md rule 11, first sentence: the plan row each line takes, per plan. */
class PlanRowMatcherTest {

  @Test
  void mostSpecificRowInForceWinsAndNoRowMeansRateZero() {
    List<CommissionPlanRow> plans =
        List.of(
            // Plan P: all four specificity levels, listed least specific first on purpose.
            plan("P", null, null, null, null, "0.010000", true, 2), // * and *
            plan("P", null, null, null, Segment.NEW_ONLINE, "0.020000", true, 3), // * x segment
            plan("P", null, null, Channel.ONLINE, null, "0.030000", true, 4), // channel x *
            plan("P", null, null, Channel.ONLINE, Segment.NEW_ONLINE, "0.040000", false, 5),
            // Plan M: the rate changes on 2025-03-15, inside March; effective_to is inclusive.
            plan("M", null, "2025-03-14", null, null, "0.050000", true, 6),
            plan("M", "2025-03-15", null, null, null, "0.060000", true, 7),
            // Plan Q: a single row, only for ONLINE x EXISTING, from 2025-03-01.
            plan("Q", "2025-03-01", null, Channel.ONLINE, Segment.EXISTING, "0.070000", true, 8));

    Map<String, Row> byKey = new TreeMap<>();
    List<Row> rows =
        PlanRowMatcher.match(
                new LineFixtures()
                    .line("2025-03-14", "ONLINE", "NEW_ONLINE", "R1", "10.00") // O1
                    .line("2025-03-15", "ONLINE", "EXISTING", "R1", "10.00") // O2
                    .line("2025-03-31", "SALES_ASSISTED", "NEW_ONLINE", "R1", "10.00") // O3
                    .line("2025-02-28", "SALES_ASSISTED", "EXISTING", "R1", "10.00") // O4
                    .line("2025-02-28", "ONLINE", "EXISTING", "R1", "10.00") // O5
                    .frame(),
                plans)
            .collectAsList();
    for (Row row : rows) {
      byKey.put(row.getAs(OrderLineColumns.ORDER_ID) + "/" + row.getAs(CommissionColumns.PLAN_ID), row);
    }
    assertEquals(15, rows.size(), "each of 5 lines once per plan (3 plans)");
    assertEquals(15, byKey.size());

    // P: exact channel and segment > exact channel > exact segment > * and *.
    assertMatch(byKey.get("O1/P"), "0.040000", false, 5L); // ONLINE x NEW_ONLINE: exact both
    assertMatch(byKey.get("O2/P"), "0.030000", true, 4L); // ONLINE x EXISTING: exact channel
    assertMatch(byKey.get("O3/P"), "0.020000", true, 3L); // SALES_ASSISTED x NEW_ONLINE: segment
    assertMatch(byKey.get("O4/P"), "0.010000", true, 2L); // SALES_ASSISTED x EXISTING: * and *

    // M: March 14 takes the old row (inclusive end), March 15 and later the new one.
    assertMatch(byKey.get("O1/M"), "0.050000", true, 6L);
    assertMatch(byKey.get("O2/M"), "0.060000", true, 7L);
    assertMatch(byKey.get("O3/M"), "0.060000", true, 7L);
    assertMatch(byKey.get("O4/M"), "0.050000", true, 6L);

    // Q: only ONLINE x EXISTING on or after March 1; everything else matches no row.
    assertMatch(byKey.get("O2/Q"), "0.070000", true, 8L);
    assertMatch(byKey.get("O1/Q"), "0", false, null); // wrong segment
    assertMatch(byKey.get("O3/Q"), "0", false, null); // wrong channel
    assertMatch(byKey.get("O5/Q"), "0", false, null); // ONLINE x EXISTING but before the row starts
  }

  @Test
  void unidentifiedLinesMatchOnlyRowsWhoseSegmentIsAny() {
    List<CommissionPlanRow> plans =
        List.of(
            // Plan P: every specificity level; UNIDENTIFIED lines skip the rows naming a segment.
            plan("P", null, null, null, null, "0.010000", true, 2), // * and *
            plan("P", null, null, null, Segment.NEW_ONLINE, "0.020000", true, 3), // * x segment
            plan("P", null, null, Channel.ONLINE, null, "0.030000", false, 4), // channel x *
            plan("P", null, null, Channel.ONLINE, Segment.NEW_ONLINE, "0.040000", true, 5),
            // Plan S: only rows naming a segment: nothing for UNIDENTIFIED lines.
            plan("S", null, null, null, Segment.EXISTING, "0.050000", true, 6),
            plan("S", null, null, Channel.ONLINE, Segment.NEW_ONLINE, "0.060000", true, 7));
    Map<String, Row> byKey = new TreeMap<>();
    for (Row row :
        PlanRowMatcher.match(
                new LineFixtures()
                    .line("2025-03-14", "ONLINE", "UNIDENTIFIED", "R1", "10.00") // O1
                    .line("2025-03-14", "SALES_ASSISTED", "UNIDENTIFIED", "R1", "10.00") // O2
                    .frame(),
                plans)
            .collectAsList()) {
      byKey.put(row.getAs(OrderLineColumns.ORDER_ID) + "/" + row.getAs(CommissionColumns.PLAN_ID), row);
    }
    assertMatch(byKey.get("O1/P"), "0.030000", false, 4L); // ONLINE x *, not ONLINE x NEW_ONLINE
    assertMatch(byKey.get("O2/P"), "0.010000", true, 2L); // * x *, not * x NEW_ONLINE
    assertMatch(byKey.get("O1/S"), "0", false, null); // no row: rate 0, no quota credit
    assertMatch(byKey.get("O2/S"), "0", false, null);
  }

  @Test
  void rateColumnIsDecimal96() {
    DataType type =
        PlanRowMatcher.match(
                new LineFixtures().line("2025-03-14", "ONLINE", "NEW_ONLINE", "R1", "1.00").frame(),
                List.of(plan("P", null, null, null, null, "0.01", true, 2)))
            .schema()
            .apply(CommissionColumns.RATE)
            .dataType();
    assertEquals(OrderLineColumns.RATE_TYPE, type);
  }

  @Test
  void resolveMergesStretchesAndCoversAllTime() {
    // One plan, two rows: * x * from 2025-01-01 to 2025-06-30, ONLINE x * from 2025-04-01 (open).
    List<PlanRowMatcher.ResolvedRow> resolved =
        PlanRowMatcher.resolve(
            List.of(
                plan("P", "2025-01-01", "2025-06-30", null, null, "0.01", true, 2),
                plan("P", "2025-04-01", null, Channel.ONLINE, null, "0.02", true, 3)));
    List<String> onlineExisting =
        resolved.stream()
            .filter(r -> r.channel() == Channel.ONLINE && r.segment() == Segment.EXISTING)
            .map(r -> r.from() + ".." + r.to() + "=" + (r.row() == null ? "none" : r.row().sourceLine()))
            .toList();
    // Cuts at 01-01, 04-01, 07-01: before 2025 none; Jan-Mar line 2; from April line 3 (merged
    // across the 07-01 cut, where line 2 ends but line 3 goes on).
    assertEquals(
        List.of("null..2024-12-31=none", "2025-01-01..2025-03-31=2", "2025-04-01..null=3"),
        onlineExisting);
    // Every channel x segment pair is covered for the plan: 2 channels x 4 segments (UNIDENTIFIED
    // included).
    assertEquals(8, resolved.stream().map(r -> r.channel() + "/" + r.segment()).distinct().count());
  }

  @Test
  void twoEquallySpecificRowsInForceTogetherAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PlanRowMatcher.resolve(
                    List.of(
                        plan("P", "2025-01-01", "2025-03-31", Channel.ONLINE, null, "0.01", true, 2),
                        plan("P", "2025-03-01", null, Channel.ONLINE, null, "0.02", true, 3))));
    assertTrue(e.getMessage().startsWith("Cannot match commission plan rows: plan P"), e.getMessage());
  }

  private static void assertMatch(Row row, String rate, boolean counts, Long planRowLine) {
    String what = row.getAs(OrderLineColumns.ORDER_ID) + "/" + row.getAs(CommissionColumns.PLAN_ID);
    assertEquals(
        0,
        new BigDecimal(rate).compareTo(row.getAs(CommissionColumns.RATE)),
        what + " rate " + row.getAs(CommissionColumns.RATE));
    assertEquals(counts, row.getAs(CommissionColumns.COUNTS_TOWARD_QUOTA), what + " counts");
    assertEquals(planRowLine, row.getAs(CommissionColumns.PLAN_ROW_LINE), what + " plan row");
  }
}
