package com.channelexpansion.commission;

import static com.channelexpansion.commission.CommissionColumns.COMMISSION;
import static com.channelexpansion.commission.CommissionColumns.MONTH;
import static com.channelexpansion.commission.CommissionColumns.PLAN_ID;
import static com.channelexpansion.commission.CommissionColumns.REP_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.channelexpansion.config.CommissionPlanRow;
import com.channelexpansion.config.Rep;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The commission_scenarios.csv table: what each rep would earn over the window under every plan,
 * and the difference from the baseline plan.
 *
 * <p>One row per rep of reps.csv with credited lines in the window (HOUSE is never a rep, even if
 * reps.csv listed it), sorted by rep_id (code point order). Columns: rep_id, rep_name,
 * online_credited_revenue (ONLINE amount credited to the rep in the window), commission_&lt;plan&gt;
 * per plan in the given order (sum of that plan's monthly commissions in the window; 0.00 when it
 * has none), then delta_&lt;plan&gt; = commission_&lt;plan&gt; - commission_&lt;baseline&gt; for each
 * other plan. Credited ids that reps.csv does not know are already HOUSE (rule 10).
 */
public final class CommissionScenarios {
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private CommissionScenarios() {}

  /**
   * A small table for the CSV writer: header names, and rows whose cells are Strings (ids,
   * names) or BigDecimals of scale 2 (money; write with toPlainString).
   */
  public record Table(List<String> header, List<List<Object>> rows) {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }
  }

  /**
   * The table for months fromMonth..toMonth under every plan of {@code plans}, against the
   * baseline plan ({@code baselinePlan}, else the first plan); with no plan, the header alone.
   */
  public static Table forPlans(
      Dataset<Row> monthlyCommissions,
      List<Rep> reps,
      List<CommissionPlanRow> plans,
      String baselinePlan,
      YearMonth fromMonth,
      YearMonth toMonth) {
    List<String> planIds = PlanRowMatcher.planIdsInOrder(plans);
    if (planIds.isEmpty()) {
      return new Table(List.of(REP_ID, "rep_name", "online_credited_revenue"), List.of());
    }
    String baseline = baselinePlan != null ? baselinePlan : planIds.get(0);
    return build(monthlyCommissions, reps, planIds, baseline, fromMonth, toMonth);
  }

  /**
   * Builds the table for months fromMonth..toMonth inclusive. {@code monthlyCommissions} is the
   * commissions/ table ({@link CommissionEngine#tableOf}, the last month counted through as-of): it has a
   * row per plan for every (month, rep) with credited lines, so the baseline plan's rows tell
   * which reps had credited lines and their online credited revenue.
   *
   * @throws IllegalArgumentException when baselinePlan is not one of planIdsInOrder
   */
  public static Table build(
      Dataset<Row> monthlyCommissions,
      List<Rep> reps,
      List<String> planIdsInOrder,
      String baselinePlan,
      YearMonth fromMonth,
      YearMonth toMonth) {
    if (!planIdsInOrder.contains(baselinePlan)) {
      throw new IllegalArgumentException(
          String.format(
              "Cannot build commission scenarios: baseline plan %s is not a plan (plans: %s)",
              baselinePlan, String.join(", ", planIdsInOrder)));
    }
    Column inWindow =
        col(MONTH).geq(lit(fromMonth.toString())).and(col(MONTH).leq(lit(toMonth.toString())));

    Map<String, BigDecimal> onlineByRep = new HashMap<>();
    for (Row row :
        monthlyCommissions
            .filter(inWindow)
            .filter(col(PLAN_ID).equalTo(lit(baselinePlan)))
            .filter(col(REP_ID).notEqual(lit(OrderLineColumns.HOUSE)))
            .groupBy(col(REP_ID))
            .agg(sum(col(CommissionColumns.ONLINE_CREDITED_REVENUE)))
            .collectAsList()) {
      onlineByRep.put(row.getString(0), row.getDecimal(1).setScale(2));
    }

    Map<String, Map<String, BigDecimal>> commissionByRepAndPlan = new HashMap<>();
    for (Row row :
        monthlyCommissions
            .filter(inWindow)
            .groupBy(col(REP_ID), col(PLAN_ID))
            .agg(sum(col(COMMISSION)))
            .collectAsList()) {
      commissionByRepAndPlan
          .computeIfAbsent(row.getString(0), k -> new HashMap<>())
          .put(row.getString(1), row.getDecimal(2).setScale(2));
    }

    List<String> header = new ArrayList<>(List.of(REP_ID, "rep_name", "online_credited_revenue"));
    for (String plan : planIdsInOrder) {
      header.add("commission_" + plan);
    }
    for (String plan : planIdsInOrder) {
      if (!plan.equals(baselinePlan)) {
        header.add("delta_" + plan);
      }
    }

    List<Rep> sortedReps = new ArrayList<>(reps);
    sortedReps.sort((a, b) -> compareCodePoints(a.repId(), b.repId()));
    List<List<Object>> rows = new ArrayList<>();
    for (Rep rep : sortedReps) {
      if (OrderLineColumns.HOUSE.equals(rep.repId()) || !onlineByRep.containsKey(rep.repId())) {
        continue;
      }
      Map<String, BigDecimal> byPlan = commissionByRepAndPlan.getOrDefault(rep.repId(), Map.of());
      List<Object> row = new ArrayList<>();
      row.add(rep.repId());
      row.add(rep.repName());
      row.add(onlineByRep.get(rep.repId()));
      for (String plan : planIdsInOrder) {
        row.add(byPlan.getOrDefault(plan, ZERO));
      }
      BigDecimal baseline = byPlan.getOrDefault(baselinePlan, ZERO);
      for (String plan : planIdsInOrder) {
        if (!plan.equals(baselinePlan)) {
          row.add(byPlan.getOrDefault(plan, ZERO).subtract(baseline));
        }
      }
      rows.add(row);
    }
    return new Table(header, rows);
  }

  private static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
