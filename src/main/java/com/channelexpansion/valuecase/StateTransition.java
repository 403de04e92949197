package com.channelexpansion.valuecase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A row of state_transitions.csv: the customers of a segment that went from one channel state (a
 * year earlier, or NOT_YET_CUSTOMER) to another (now), and their revenue in the two summary
 * windows; change = revenue_ttm / revenue_year_earlier - 1 (HALF_UP, 4 decimals; empty when the
 * year-earlier revenue is 0).
 */
public record StateTransition(
    String segment,
    String fromState,
    String toState,
    long customers,
    BigDecimal revenueYearEarlier,
    BigDecimal revenueTtm,
    BigDecimal change) {

  static final Comparator<StateTransition> ORDER =
      Comparator.comparing(StateTransition::segment, Teams.CODE_POINT_ORDER)
          .thenComparing(StateTransition::fromState, Teams.CODE_POINT_ORDER)
          .thenComparing(StateTransition::toState, Teams.CODE_POINT_ORDER);

  /** Collects {@link ChannelStateTables#transitions} (a few dozen rows), sorted by its keys. */
  static List<StateTransition> collect(Dataset<Row> transitions) {
    return of(transitions.collectAsList());
  }

  /** The rows of {@link ChannelStateTables#transitions} (or one team's), sorted by its keys. */
  static List<StateTransition> of(List<Row> transitions) {
    List<StateTransition> rows = new ArrayList<>();
    for (Row row : transitions) {
      BigDecimal before = row.getAs(ChannelStateTables.REVENUE_YEAR_EARLIER);
      BigDecimal now = row.getAs(ChannelStateTables.REVENUE_TTM);
      rows.add(
          new StateTransition(
              row.getAs(ChannelStateTables.SEGMENT),
              row.getAs(ChannelStateTables.FROM_STATE),
              row.getAs(ChannelStateTables.TO_STATE),
              row.<Long>getAs(ChannelStateTables.CUSTOMERS),
              before,
              now,
              TeamSummary.change(now, before)));
    }
    rows.sort(ORDER);
    return rows;
  }
}
