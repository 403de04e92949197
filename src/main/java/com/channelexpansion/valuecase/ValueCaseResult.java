package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.valuecase.TeamSummary.TeamMetric;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What {@link ValueCaseReport#build} computed, for the report to write. The small tables are on
 * the driver, sorted as their CSVs are; {@link #customerStates} and {@link #channelStatesMonthly}
 * are Datasets over a cached per-customer history (unpersisted with the report's other parts).
 *
 * @param teamSummary team_summary rows, teams by code point, metrics in the summary's order
 * @param customerStates customer_id and the four columns customers/ gains ({@link
 *     ChannelStateTables#CUSTOMER_STATES_SCHEMA}); join with {@link #withChannelStates}
 * @param channelStatesMonthly channel_states_monthly/ rows, unsorted (sort keys {@link
 *     ChannelStateTables#MONTHLY_KEYS})
 * @param stateTransitions state_transitions.csv rows, sorted
 * @param pilotComparison pilot_comparison.csv rows, sorted by pilot_id, metric
 * @param teamBreakdowns what each team's executive page charts besides its summary
 */
public record ValueCaseResult(
    List<TeamMetric> teamSummary,
    Dataset<Row> customerStates,
    Dataset<Row> channelStatesMonthly,
    List<StateTransition> stateTransitions,
    List<PilotRow> pilotComparison,
    TeamBreakdowns teamBreakdowns) {

  /** team_summary/'s Parquet schema: ttm and year_earlier DECIMAL(38,4), change DECIMAL(18,4). */
  public static final StructType TEAM_SUMMARY_SCHEMA =
      new StructType()
          .add("team", DataTypes.StringType, false)
          .add("metric", DataTypes.StringType, false)
          .add("ttm", DataTypes.createDecimalType(38, 4), true)
          .add("year_earlier", DataTypes.createDecimalType(38, 4), true)
          .add("change", DataTypes.createDecimalType(18, 4), true);

  /** team_summary/ as a Dataset of {@link #TEAM_SUMMARY_SCHEMA}, in the CSV's order. */
  public Dataset<Row> teamSummaryTable(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (TeamMetric metric : teamSummary) {
      rows.add(
          RowFactory.create(
              metric.team(),
              metric.metric(),
              scale4(metric.ttm()),
              scale4(metric.yearEarlier()),
              scale4(metric.change())));
    }
    return spark.createDataFrame(rows, TEAM_SUMMARY_SCHEMA);
  }

  /** {@code customers} (customers/ rows) with the four channel-state columns appended. */
  public Dataset<Row> withChannelStates(Dataset<Row> customers) {
    return customers.join(customerStates, customers.col(OrderLineColumns.CUSTOMER_ID)
            .equalTo(customerStates.col(OrderLineColumns.CUSTOMER_ID)), "left")
        .select(
            customers.col("*"),
            col(ChannelStateTables.CHANNEL_STATE),
            col(ChannelStateTables.CHANNEL_STATE_YEAR_EARLIER),
            col(ChannelStateTables.ONLINE_SHARE),
            col(ChannelStateTables.ONLINE_SHARE_YEAR_EARLIER));
  }

  private static java.math.BigDecimal scale4(java.math.BigDecimal value) {
    return value == null ? null : value.setScale(4, java.math.RoundingMode.HALF_UP);
  }
}
