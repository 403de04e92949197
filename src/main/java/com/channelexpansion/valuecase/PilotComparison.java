package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.Pilot;
import com.channelexpansion.config.Rep;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * pilot_comparison (PRODUCT.md, "A pilot against its control"): per pilot that has started by
 * as-of, its reps against every other rep of reps.csv (HOUSE is neither), before and after its
 * start. The after window is start_date through as-of, the before window the same number of days
 * ending the day before start_date. Two Spark actions for all pilots: the credited amounts per
 * rep and window, and the customers acquired per rep and window; commissions come from {@link
 * RepCommissions}.
 */
public final class PilotComparison {
  private PilotComparison() {}

  /** A pilot's two windows, inclusive. */
  public record Windows(LocalDate beforeStart, LocalDate beforeEnd, LocalDate afterStart, LocalDate afterEnd) {
    /** The windows of a pilot started on {@code start}, on {@code asOf} (not before start). */
    public static Windows of(LocalDate start, LocalDate asOf) {
      long days = asOf.toEpochDay() - start.toEpochDay() + 1;
      return new Windows(start.minusDays(days), start.minusDays(1), start, asOf);
    }
  }

  /** The pilots that have started by {@code asOf}, in file order. */
  static List<Pilot> started(List<Pilot> pilots, LocalDate asOf) {
    return pilots.stream().filter(p -> !p.startDate().isAfter(asOf)).toList();
  }

  /**
   * The rows of pilot_comparison.csv, sorted by pilot_id then metric (code point).
   *
   * @param creditedLines counted lines through as-of with credited_rep_id
   * @param history {@link CustomerHistory}
   */
  static List<PilotRow> rows(
      List<Pilot> pilots,
      List<Rep> reps,
      Dataset<Row> creditedLines,
      Dataset<Row> history,
      RepCommissions commissions,
      String baselinePlan,
      LocalDate asOf) {
    List<Pilot> started = started(pilots, asOf);
    if (started.isEmpty()) {
      return List.of();
    }
    Map<String, Windows> windows = new HashMap<>();
    started.forEach(p -> windows.put(p.pilotId(), Windows.of(p.startDate(), asOf)));
    Map<String, BigDecimal[]> lineSums = lineSums(creditedLines, started, windows);
    Map<String, BigDecimal[]> newCustomers = newCustomers(history, started, windows);
    List<PilotRow> rows = new ArrayList<>();
    for (Pilot pilot : started) {
      rows.addAll(
          new PilotMetrics(pilot, windows.get(pilot.pilotId()), reps, started.indexOf(pilot), baselinePlan)
              .rows(lineSums, newCustomers, commissions));
    }
    rows.sort(
        (a, b) -> {
          int byPilot = Teams.CODE_POINT_ORDER.compare(a.pilotId(), b.pilotId());
          return byPilot != 0 ? byPilot : Teams.CODE_POINT_ORDER.compare(a.metric(), b.metric());
        });
    return rows;
  }

  /**
   * Per credited rep: for each started pilot i, at 4i..4i+3: credited amount before, ONLINE
   * credited amount before, credited amount after, ONLINE credited amount after.
   */
  static Map<String, BigDecimal[]> lineSums(
      Dataset<Row> creditedLines, List<Pilot> started, Map<String, Windows> windows) {
    Column date = col(OrderLineColumns.ORDER_DATE);
    Column amount = col(OrderLineColumns.AMOUNT);
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column zero = lit(BigDecimal.ZERO);
    List<Column> sums = new ArrayList<>();
    for (Pilot pilot : started) {
      Windows w = windows.get(pilot.pilotId());
      Column before = date.between(lit(w.beforeStart()), lit(w.beforeEnd()));
      Column after = date.between(lit(w.afterStart()), lit(w.afterEnd()));
      sums.add(sum(when(before, amount).otherwise(zero)));
      sums.add(sum(when(before.and(online), amount).otherwise(zero)));
      sums.add(sum(when(after, amount).otherwise(zero)));
      sums.add(sum(when(after.and(online), amount).otherwise(zero)));
    }
    return collectByRep(creditedLines.groupBy(col(OrderLineColumns.CREDITED_REP_ID)), sums);
  }

  /**
   * Per acquisition rep: for each started pilot i, at 4i..4i+3: customers whose first order lies
   * in the before window, those acquired ONLINE, then the same for the after window.
   */
  static Map<String, BigDecimal[]> newCustomers(
      Dataset<Row> history, List<Pilot> started, Map<String, Windows> windows) {
    Column first = col(CustomerHistory.FIRST_ORDER_DATE);
    Column online = col(CustomerHistory.ACQUISITION_CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    List<Column> counts = new ArrayList<>();
    for (Pilot pilot : started) {
      Windows w = windows.get(pilot.pilotId());
      Column before = first.between(lit(w.beforeStart()), lit(w.beforeEnd()));
      Column after = first.between(lit(w.afterStart()), lit(w.afterEnd()));
      counts.add(count(when(before, lit(1))));
      counts.add(count(when(before.and(online), lit(1))));
      counts.add(count(when(after, lit(1))));
      counts.add(count(when(after.and(online), lit(1))));
    }
    return collectByRep(
        history.where(col(CustomerHistory.ACQUISITION_REP_ID).isNotNull())
            .groupBy(col(CustomerHistory.ACQUISITION_REP_ID)),
        counts);
  }

  private static Map<String, BigDecimal[]> collectByRep(
      org.apache.spark.sql.RelationalGroupedDataset grouped, List<Column> values) {
    Column[] rest = values.subList(1, values.size()).toArray(Column[]::new);
    Map<String, BigDecimal[]> byRep = new HashMap<>();
    for (Row row : grouped.agg(values.get(0), rest).collectAsList()) {
      BigDecimal[] sums = new BigDecimal[values.size()];
      for (int i = 0; i < sums.length; i++) {
        Object value = row.get(i + 1);
        sums[i] = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
      }
      byRep.put(row.getString(0), sums);
    }
    return byRep;
  }
}
