package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.config.Rep;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a team's page shows besides its team_summary rows, per team, for the months of the
 * monthly charts: revenue by month, segment and channel of the team's lines (the team of a line's
 * credited rep, as team_summary counts it), new customers by month and acquisition channel and
 * the state transitions of the team's customers (the team of the acquisition line's rep). Three
 * Spark actions; a few hundred rows reach the driver.
 *
 * @param revenueMonthly per team: month, segment, order_channel, net_revenue rows
 * @param newCustomers per team: month, acquisition_channel, customers rows
 * @param transitions per team: its customers' state_transitions rows
 */
public record TeamBreakdowns(
    Map<String, List<List<Object>>> revenueMonthly,
    Map<String, List<List<Object>>> newCustomers,
    Map<String, List<StateTransition>> transitions) {

  /**
   * @param creditedLines counted lines through as-of, credited
   * @param customers customers/ rows (customer_id, segment)
   * @param history {@link CustomerHistory}
   * @param firstMonth the first month of the pages' monthly charts
   */
  static TeamBreakdowns of(
      Dataset<Row> creditedLines,
      Dataset<Row> customers,
      Dataset<Row> history,
      StateParameters parameters,
      List<Rep> reps,
      YearMonth firstMonth,
      YearMonth asOfMonth) {
    String team = TeamSummary.TEAM;
    Dataset<Row> segments =
        CustomerClassifier.withUnidentified(
            customers.select(col(CustomerClassifier.CUSTOMER_ID), col(CustomerClassifier.SEGMENT)));
    Dataset<Row> revenue =
        creditedLines
            .where(col(OrderLineColumns.MONTH).between(lit(firstMonth.toString()), lit(asOfMonth.toString())))
            .join(segments, OrderLineColumns.CUSTOMER_ID)
            .groupBy(
                Teams.ofRep(col(OrderLineColumns.CREDITED_REP_ID), reps).as(team),
                col(OrderLineColumns.MONTH),
                col(CustomerClassifier.SEGMENT),
                col(OrderLineColumns.CHANNEL).as("order_channel"))
            .agg(sum(col(OrderLineColumns.AMOUNT)).cast(OrderLineColumns.SUM_TYPE).as("net_revenue"));
    Dataset<Row> newCustomers =
        history
            .where(col(CustomerHistory.ACQUISITION_REP_ID).isNotNull())
            .withColumn(OrderLineColumns.MONTH, date_format(col(CustomerHistory.FIRST_ORDER_DATE), "yyyy-MM"))
            .where(col(OrderLineColumns.MONTH).between(lit(firstMonth.toString()), lit(asOfMonth.toString())))
            .groupBy(
                Teams.ofRep(col(CustomerHistory.ACQUISITION_REP_ID), reps).as(team),
                col(OrderLineColumns.MONTH),
                col(CustomerHistory.ACQUISITION_CHANNEL))
            .agg(count(lit(1)).as("customers"));
    Map<String, List<Row>> transitionRows = byTeam(ChannelStateTables.transitionsByTeam(history, parameters, reps).collectAsList());
    Map<String, List<StateTransition>> transitions = new TreeMap<>(Teams.CODE_POINT_ORDER);
    transitionRows.forEach((name, rows) -> transitions.put(name, StateTransition.of(rows)));
    return new TeamBreakdowns(cellsByTeam(revenue), cellsByTeam(newCustomers), transitions);
  }

  /**
   * The rows of each team (first column), the team left out, sorted by their text columns (the
   * month first) in code point order: sorted here, a few hundred rows, rather than by a Spark
   * sort, which costs a job of its own.
   */
  private static Map<String, List<List<Object>>> cellsByTeam(Dataset<Row> table) {
    Map<String, List<List<Object>>> cells = new TreeMap<>(Teams.CODE_POINT_ORDER);
    List<Row> sorted = new ArrayList<>(table.collectAsList());
    sorted.sort(BY_TEXT_COLUMNS);
    byTeam(sorted)
        .forEach(
            (name, rows) -> {
              List<List<Object>> teamCells = new ArrayList<>();
              for (Row row : rows) {
                Object[] values = new Object[row.size() - 1];
                for (int i = 1; i < row.size(); i++) {
                  values[i - 1] = row.get(i);
                }
                teamCells.add(Arrays.asList(values));
              }
              cells.put(name, teamCells);
            });
    return cells;
  }

  /** Rows compared column by column over their leading text columns, code point order. */
  private static final java.util.Comparator<Row> BY_TEXT_COLUMNS =
      (a, b) -> {
        for (int i = 0; i < a.size() && a.get(i) instanceof String left; i++) {
          int c = Teams.CODE_POINT_ORDER.compare(left, b.getString(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  private static Map<String, List<Row>> byTeam(List<Row> rows) {
    Map<String, List<Row>> byTeam = new TreeMap<>(Teams.CODE_POINT_ORDER);
    rows.forEach(row -> byTeam.computeIfAbsent(row.getString(0), t -> new ArrayList<>()).add(row));
    return byTeam;
  }
}
