package com.channelexpansion.valuecase;

import com.channelexpansion.config.Pilot;
import com.channelexpansion.config.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One pilot's rows of pilot_comparison.csv, pure Java: each metric for its group and its control
 * (every other rep of reps.csv) in both windows, the changes (after / before - 1) and the lift
 * (pilot_change - control_change), all from unrounded values. Money is written HALF_UP to 2
 * decimals; shares, per-rep customer figures, changes and lift to 4. An empty control, a zero
 * denominator, or no month wholly inside a window (commission) gives an empty value.
 */
final class PilotMetrics {
  static final String CREDITED_REVENUE_PER_REP = "credited_revenue_per_rep";
  static final String ONLINE_SHARE = "online_share";
  static final String NEW_CUSTOMERS_PER_REP = "new_customers_per_rep";
  static final String NEW_ONLINE_CUSTOMERS_PER_REP = "new_online_customers_per_rep";
  static final String COMMISSION_PER_REP = "commission_per_rep_";


  private final Pilot pilot;
  private final PilotComparison.Windows windows;
  private final List<String> groupReps;
  private final List<String> controlReps;
  private final int index;
  private final String baselinePlan;

  /**
   * @param index the pilot's place among the started pilots (its columns in the collected sums)
   * @param baselinePlan null when there is no plan (no commission row)
   */
  PilotMetrics(Pilot pilot, PilotComparison.Windows windows, List<Rep> reps, int index, String baselinePlan) {
    this.pilot = pilot;
    this.windows = windows;
    this.groupReps = pilot.repIds();
    Set<String> group = Set.copyOf(pilot.repIds());
    this.controlReps = reps.stream().map(Rep::repId).filter(id -> !group.contains(id)).toList();
    this.index = index;
    this.baselinePlan = baselinePlan;
  }

  List<PilotRow> rows(
      Map<String, BigDecimal[]> lineSums, Map<String, BigDecimal[]> newCustomers, RepCommissions commissions) {
    List<PilotRow> rows = new ArrayList<>();
    rows.add(row(CREDITED_REVENUE_PER_REP, 2, reps -> perRep(sum(lineSums, reps, 0), reps), reps -> perRep(sum(lineSums, reps, 2), reps)));
    rows.add(row(ONLINE_SHARE, 4, reps -> share(lineSums, reps, 0), reps -> share(lineSums, reps, 2)));
    rows.add(row(NEW_CUSTOMERS_PER_REP, 4, reps -> perRep(sum(newCustomers, reps, 0), reps), reps -> perRep(sum(newCustomers, reps, 2), reps)));
    rows.add(row(NEW_ONLINE_CUSTOMERS_PER_REP, 4, reps -> perRep(sum(newCustomers, reps, 1), reps), reps -> perRep(sum(newCustomers, reps, 3), reps)));
    if (baselinePlan != null) {
      rows.add(
          row(
              COMMISSION_PER_REP + baselinePlan,
              2,
              reps -> commissionPerRep(commissions, reps, windows.beforeStart(), windows.beforeEnd()),
              reps -> commissionPerRep(commissions, reps, windows.afterStart(), windows.afterEnd())));
    }
    return rows;
  }

  /** A value of a group of reps, unrounded; null when undefined. */
  private interface GroupValue {
    BigDecimal of(List<String> reps);
  }

  private PilotRow row(String metric, int scale, GroupValue before, GroupValue after) {
    BigDecimal pilotBefore = before.of(groupReps);
    BigDecimal pilotAfter = after.of(groupReps);
    BigDecimal controlBefore = controlReps.isEmpty() ? null : before.of(controlReps);
    BigDecimal controlAfter = controlReps.isEmpty() ? null : after.of(controlReps);
    BigDecimal pilotChange = change(pilotAfter, pilotBefore);
    BigDecimal controlChange = change(controlAfter, controlBefore);
    BigDecimal lift = pilotChange == null || controlChange == null ? null : pilotChange.subtract(controlChange);
    return new PilotRow(
        pilot.pilotId(),
        metric,
        round(pilotBefore, scale),
        round(pilotAfter, scale),
        round(pilotChange, 4),
        round(controlBefore, scale),
        round(controlAfter, scale),
        round(controlChange, 4),
        round(lift, 4));
  }

  private BigDecimal sum(Map<String, BigDecimal[]> sums, List<String> reps, int offset) {
    BigDecimal total = BigDecimal.ZERO;
    for (String rep : reps) {
      BigDecimal[] values = sums.get(rep);
      if (values != null) {
        total = total.add(values[4 * index + offset]);
      }
    }
    return total;
  }

  private BigDecimal share(Map<String, BigDecimal[]> lineSums, List<String> reps, int offset) {
    return ratio(sum(lineSums, reps, offset + 1), sum(lineSums, reps, offset));
  }

  private static BigDecimal perRep(BigDecimal total, List<String> reps) {
    return ratio(total, BigDecimal.valueOf(reps.size()));
  }

  /** The reps' monthly commissions of the months whose first and last days lie in [from, to]. */
  private BigDecimal commissionPerRep(
      RepCommissions commissions, List<String> reps, java.time.LocalDate from, java.time.LocalDate to) {
    Predicate<YearMonth> wholeInside = m -> !m.atDay(1).isBefore(from) && !m.atEndOfMonth().isAfter(to);
    YearMonth first = YearMonth.from(from);
    boolean anyMonth = false;
    for (YearMonth m = first; !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
      anyMonth |= wholeInside.test(m);
    }
    if (!anyMonth) {
      return null;
    }
    Set<String> group = Set.copyOf(reps);
    return perRep(commissions.sum(baselinePlan, group::contains, wholeInside), reps);
  }

  static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() == 0) {
      return null;
    }
    return numerator.divide(denominator, MathContext.DECIMAL128);
  }

  static BigDecimal change(BigDecimal after, BigDecimal before) {
    BigDecimal ratio = ratio(after, before);
    return ratio == null ? null : ratio.subtract(BigDecimal.ONE);
  }

  private static BigDecimal round(BigDecimal value, int scale) {
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }
}
