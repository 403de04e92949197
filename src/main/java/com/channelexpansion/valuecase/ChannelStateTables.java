package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.channelexpansion.config.Rep;
import com.channelexpansion.valuecase.ChannelStates.StateAndShare;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The channel-state outputs from {@link CustomerHistory}: the customers/ columns, the
 * channel_states_monthly/ table, and the per-customer rows state_transitions.csv sums.
 */
public final class ChannelStateTables {
  public static final String CHANNEL_STATE = "channel_state";
  public static final String CHANNEL_STATE_YEAR_EARLIER = "channel_state_year_earlier";
  public static final String ONLINE_SHARE = "online_share";
  public static final String ONLINE_SHARE_YEAR_EARLIER = "online_share_year_earlier";
  public static final String MONTH = "month";
  public static final String SEGMENT = "segment";
  public static final String CUSTOMERS = "customers";
  public static final String NET_REVENUE = "net_revenue";
  static final String FROM_STATE = "from_state";
  static final String TO_STATE = "to_state";
  static final String REVENUE_YEAR_EARLIER = "revenue_year_earlier";
  static final String REVENUE_TTM = "revenue_ttm";

  private static final DataType SHARE_TYPE =
      DataTypes.createDecimalType(ChannelStates.SHARE_PRECISION, ChannelStates.SHARE_SCALE);
  private static final DataType SUM_TYPE = OrderLineColumns.SUM_TYPE;

  /** The columns customers/ gains, keyed by customer_id. */
  public static final StructType CUSTOMER_STATES_SCHEMA =
      new StructType()
          .add(OrderLineColumns.CUSTOMER_ID, DataTypes.StringType, false)
          .add(CHANNEL_STATE, DataTypes.StringType, false)
          .add(CHANNEL_STATE_YEAR_EARLIER, DataTypes.StringType, false)
          .add(ONLINE_SHARE, SHARE_TYPE, true)
          .add(ONLINE_SHARE_YEAR_EARLIER, SHARE_TYPE, true);

  private static final StructType MONTH_ROW_SCHEMA =
      new StructType()
          .add(MONTH, DataTypes.StringType, false)
          .add(SEGMENT, DataTypes.StringType, false)
          .add(CHANNEL_STATE, DataTypes.StringType, false)
          .add(NET_REVENUE, SUM_TYPE, false);

  private static final StructType TRANSITION_ROW_SCHEMA =
      new StructType()
          .add(SEGMENT, DataTypes.StringType, false)
          .add(FROM_STATE, DataTypes.StringType, false)
          .add(TO_STATE, DataTypes.StringType, false)
          .add(REVENUE_YEAR_EARLIER, SUM_TYPE, false)
          .add(REVENUE_TTM, SUM_TYPE, false);

  private static final StructType TEAM_TRANSITION_ROW_SCHEMA =
      new StructType(
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of(DataTypes.createStructField(TeamSummary.TEAM, DataTypes.StringType, false)),
                  java.util.Arrays.stream(TRANSITION_ROW_SCHEMA.fields()))
              .toArray(org.apache.spark.sql.types.StructField[]::new));

  private ChannelStateTables() {}

  /** customer_id, channel_state, channel_state_year_earlier, online_share, online_share_year_earlier. */
  public static Dataset<Row> customerStates(Dataset<Row> history, StateParameters p) {
    MapFunction<Row, Row> states =
        row -> {
          CustomerView customer = CustomerView.of(row);
          StateAndShare now = customer.now(p);
          StateAndShare before = customer.yearEarlier(p);
          return RowFactory.create(
              customer.customerId(),
              now.state().name(),
              before.state().name(),
              now.writtenShare(),
              before.writtenShare());
        };
    return history.map(states, Encoders.row(CUSTOMER_STATES_SCHEMA));
  }

  /**
   * channel_states_monthly/: month, segment, channel_state, customers (long), net_revenue
   * (DECIMAL(38,2)), one row per month of the 24 ending with as-of's and segment x state with a
   * customer; a customer counts from the month of its first order.
   */
  public static Dataset<Row> monthly(Dataset<Row> history, StateParameters p) {
    FlatMapFunction<Row, Row> monthsOfCustomer =
        row -> {
          CustomerView customer = CustomerView.of(row);
          List<Row> out = new ArrayList<>();
          if (customer.firstOrderDate() == null) {
            return out.iterator();
          }
          YearMonth first = YearMonth.from(customer.firstOrderDate());
          for (YearMonth month = p.firstMonthlyMonth(); !month.isAfter(p.asOfMonth()); month = month.plusMonths(1)) {
            if (!month.isBefore(first)) {
              out.add(
                  RowFactory.create(
                      month.toString(),
                      customer.segment(),
                      customer.stateOf(month, false, p).state().name(),
                      customer.revenueIn(month)));
            }
          }
          return out.iterator();
        };
    return history
        .flatMap(monthsOfCustomer, Encoders.row(MONTH_ROW_SCHEMA))
        .groupBy(col(MONTH), col(SEGMENT), col(CHANNEL_STATE))
        .agg(count(lit(1)).as(CUSTOMERS), sum(col(NET_REVENUE)).cast(SUM_TYPE).as(NET_REVENUE));
  }

  /** Sorted keys of channel_states_monthly/. */
  public static final String[] MONTHLY_KEYS = {MONTH, SEGMENT, CHANNEL_STATE};

  /**
   * Every customer's (segment, from_state, to_state, revenue_year_earlier, revenue_ttm), summed
   * per transition: segment, from_state, to_state, customers, revenue_year_earlier, revenue_ttm.
   */
  public static Dataset<Row> transitions(Dataset<Row> history, StateParameters p) {
    MapFunction<Row, Row> transition =
        row -> {
          CustomerView customer = CustomerView.of(row);
          return RowFactory.create(
              customer.segment(),
              customer.fromState(p).name(),
              customer.now(p).state().name(),
              customer.revenueYearEarlier(p),
              customer.revenueTtm(p));
        };
    return history
        .map(transition, Encoders.row(TRANSITION_ROW_SCHEMA))
        .groupBy(col(SEGMENT), col(FROM_STATE), col(TO_STATE))
        .agg(
            count(lit(1)).as(CUSTOMERS),
            sum(col(REVENUE_YEAR_EARLIER)).cast(SUM_TYPE).as(REVENUE_YEAR_EARLIER),
            sum(col(REVENUE_TTM)).cast(SUM_TYPE).as(REVENUE_TTM));
  }

  /**
   * {@link #transitions} per team of the customer (the team of its acquisition line's rep;
   * customers without a positive line belong to no team and are left out): team first.
   */
  public static Dataset<Row> transitionsByTeam(Dataset<Row> history, StateParameters p, List<Rep> reps) {
    MapFunction<Row, Row> transition =
        row -> {
          CustomerView customer = CustomerView.of(row);
          return RowFactory.create(
              row.getAs(TeamSummary.TEAM),
              customer.segment(),
              customer.fromState(p).name(),
              customer.now(p).state().name(),
              customer.revenueYearEarlier(p),
              customer.revenueTtm(p));
        };
    return history
        .where(col(CustomerHistory.ACQUISITION_REP_ID).isNotNull())
        .withColumn(TeamSummary.TEAM, Teams.ofRep(col(CustomerHistory.ACQUISITION_REP_ID), reps))
        .map(transition, Encoders.row(TEAM_TRANSITION_ROW_SCHEMA))
        .groupBy(col(TeamSummary.TEAM), col(SEGMENT), col(FROM_STATE), col(TO_STATE))
        .agg(
            count(lit(1)).as(CUSTOMERS),
            sum(col(REVENUE_YEAR_EARLIER)).cast(SUM_TYPE).as(REVENUE_YEAR_EARLIER),
            sum(col(REVENUE_TTM)).cast(SUM_TYPE).as(REVENUE_TTM));
  }
}
