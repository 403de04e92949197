package com.channelexpansion.commission;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.CommissionPlanRow;
import com.channelexpansion.config.Segment;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.warehouse.ChannelRule;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small order-line fixtures: rows of OrderLineColumns.SCHEMA plus a segment column. */
final class LineFixtures {
  static final StructType SCHEMA_WITH_SEGMENT =
      OrderLineColumns.SCHEMA.add(CommissionColumns.SEGMENT, DataTypes.StringType, false);

  private final List<Row> rows = new ArrayList<>();

  /**
   * A counted line on {@code date} in {@code channel} for a customer of {@code segment},
   * credited to {@code rep} (also its sales_rep_id) for {@code amount} (negative = return).
   */
  LineFixtures line(String date, String channel, String segment, String rep, String amount) {
    return line(date, channel, segment, "C" + (rows.size() + 1), rep, rep, amount);
  }

  /** A line with every id given; creditedRepId may be a placeholder when crediting is tested. */
  LineFixtures line(
      String date, String channel, String segment, String customerId, String salesRepId,
      String creditedRepId, String amount) {
    int n = rows.size() + 1;
    LocalDate day = LocalDate.parse(date);
    BigDecimal amt = new BigDecimal(amount);
    rows.add(
        RowFactory.create(
            "exports/day.csv",
            (long) n + 1,
            "O" + n,
            1L,
            day.atTime(12, 0).toInstant(ZoneOffset.UTC),
            day,
            date.substring(0, 7),
            customerId,
            Channel.ONLINE.name().equals(channel) ? "WEB" : "PHONE",
            channel,
            ChannelRule.ORDER_SOURCE_DEFINITION.name(),
            salesRepId,
            null,
            null,
            amt.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE,
            amt.abs(),
            BigDecimal.ZERO,
            "USD",
            BigDecimal.ONE,
            amt,
            null,
            false,
            null,
            creditedRepId,
            null,
            null,
            segment));
    return this;
  }

  Dataset<Row> frame() {
    return SharedSpark.get().createDataFrame(rows, SCHEMA_WITH_SEGMENT);
  }

  static CommissionPlanRow plan(
      String planId, String from, String to, Channel channel, Segment segment, String rate,
      boolean counts, long sourceLine) {
    return new CommissionPlanRow(
        planId,
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        channel,
        segment,
        new BigDecimal(rate),
        counts,
        sourceLine);
  }

  /** Money of scale 2 for assertEquals (BigDecimal equals compares scale). */
  static BigDecimal money(String value) {
    return new BigDecimal(value).setScale(2);
  }
}
