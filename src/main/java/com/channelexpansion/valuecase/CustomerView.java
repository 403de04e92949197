package com.channelexpansion.valuecase;

import com.channelexpansion.valuecase.ChannelStates.StateAndShare;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One customer of {@link CustomerHistory} in Java, with its channel states and window revenues
 * (pure functions of the row and the {@link StateParameters}).
 *
 * @param firstOrderDate null when the customer has no positive line (it then never has a state
 *     other than INACTIVE and never enters channel_states_monthly)
 */
public record CustomerView(
    String customerId, String segment, LocalDate firstOrderDate, List<MonthSums> months) {

  /** Reads a {@link CustomerHistory} row. */
  public static CustomerView of(Row history) {
    List<Row> structs = history.getList(history.fieldIndex(CustomerHistory.MONTHS));
    List<MonthSums> months = new ArrayList<>(structs.size());
    structs.forEach(struct -> months.add(MonthSums.of(struct)));
    Object firstOrder = history.getAs(CustomerHistory.FIRST_ORDER_DATE);
    return new CustomerView(
        history.getAs(CustomerHistory.CUSTOMER_ID),
        history.getAs(CustomerHistory.SEGMENT),
        firstOrder == null ? null : toLocalDate(firstOrder),
        months);
  }

  /** The state of the as-of month, counted through as-of. */
  public StateAndShare now(StateParameters p) {
    return stateOf(p.asOfMonth(), false, p);
  }

  /** The state of the same month a year earlier, counted through the same day. */
  public StateAndShare yearEarlier(StateParameters p) {
    return stateOf(p.yearEarlierMonth(), true, p);
  }

  /** state_transitions.csv's from_state: NOT_YET_CUSTOMER when first bought after that window. */
  public ChannelState fromState(StateParameters p) {
    if (firstOrderDate != null && firstOrderDate.isAfter(p.yearEarlierEnd())) {
      return ChannelState.NOT_YET_CUSTOMER;
    }
    return yearEarlier(p).state();
  }

  /** The state at the end of a whole month (channel_states_monthly, the as-of month through as-of). */
  public StateAndShare stateOf(YearMonth month, boolean yearEarlierPart, StateParameters p) {
    return ChannelStates.of(
        ChannelStates.windowEnding(months, month, p.windowMonths(), yearEarlierPart),
        p.digitalFirstShare());
  }

  /** Amount of its counted lines (returns included) in TTM. */
  public BigDecimal revenueTtm(StateParameters p) {
    YearMonth from = YearMonth.from(p.ttmStart());
    BigDecimal total = BigDecimal.ZERO;
    for (MonthSums month : months) {
      if (!month.month().isBefore(from) && !month.month().isAfter(p.asOfMonth())) {
        total = total.add(month.netAmount());
      }
    }
    return total;
  }

  /** Amount of its counted lines in the year-earlier window, its last month through its end. */
  public BigDecimal revenueYearEarlier(StateParameters p) {
    YearMonth from = YearMonth.from(p.yearEarlierStart());
    YearMonth last = p.yearEarlierMonth();
    BigDecimal total = BigDecimal.ZERO;
    for (MonthSums month : months) {
      if (month.month().equals(last)) {
        total = total.add(month.partNetAmount());
      } else if (!month.month().isBefore(from) && month.month().isBefore(last)) {
        total = total.add(month.netAmount());
      }
    }
    return total;
  }

  /** Amount of its counted lines in {@code month}. */
  public BigDecimal revenueIn(YearMonth month) {
    for (MonthSums sums : months) {
      if (sums.month().equals(month)) {
        return sums.netAmount();
      }
    }
    return BigDecimal.ZERO;
  }

  private static LocalDate toLocalDate(Object date) {
    return date instanceof LocalDate local ? local : ((java.sql.Date) date).toLocalDate();
  }
}
