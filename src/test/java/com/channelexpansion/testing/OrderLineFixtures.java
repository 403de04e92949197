package com.channelexpansion.testing;

import com.channelexpansion.config.Channel;
import com.channelexpansion.warehouse.ChannelRule;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Hand-made rows of the warehouse's order_lines table ({@link OrderLineColumns#SCHEMA}) for tests.
 *
 * <pre>{@code
 * Row row = OrderLineFixtures.line("C1", "O1", 1).on("2025-03-04").online().amount("100.00").build();
 * Dataset<Row> lines = OrderLineFixtures.frame(spark, row, ...);
 * }</pre>
 *
 * Defaults: order at 12:00 UTC on 2025-01-15 (order_date and month follow the date, time zone
 * UTC), ONLINE via WEB, quantity 1, unit_price = |amount / quantity| (fx 1), no discount, USD at fx 1, amount 10.00,
 * not cancelled, credited to HOUSE, source file {@code test.csv}.
 */
public final class OrderLineFixtures {
  private OrderLineFixtures() {}

  /** A builder for line {@code lineNumber} of order {@code orderId} bought by {@code customerId}. */
  public static Builder line(String customerId, String orderId, long lineNumber) {
    return new Builder(customerId, orderId, lineNumber);
  }

  /** The rows as an order_lines frame. */
  public static Dataset<Row> frame(SparkSession spark, Row... rows) {
    return frame(spark, Arrays.asList(rows));
  }

  /** The rows as an order_lines frame. */
  public static Dataset<Row> frame(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, OrderLineColumns.SCHEMA);
  }

  /** Fluent builder of one order_lines row; every setter returns this. */
  public static final class Builder {
    private static long nextSourceLine = 2;

    private final String customerId;
    private final String orderId;
    private final long lineNumber;
    private String sourceFile = "test.csv";
    private Long sourceLine;
    private LocalDate orderDate = LocalDate.parse("2025-01-15");
    private Instant orderTimestamp;
    private String orderSource;
    private Channel channel = Channel.ONLINE;
    private ChannelRule channelRule = ChannelRule.ORDER_SOURCE_DEFINITION;
    private String salesRepId;
    private String quoteId;
    private String sku = "SKU-1";
    private BigDecimal quantity = BigDecimal.ONE;
    private BigDecimal unitPrice;
    private BigDecimal discount = BigDecimal.ZERO;
    private String currency = "USD";
    private BigDecimal fxRate = BigDecimal.ONE;
    private BigDecimal amount = new BigDecimal("10.00");
    private String orderStatus;
    private boolean cancelled;
    private Instant updatedAt;
    private String creditedRepId = OrderLineColumns.HOUSE;

    private Builder(String customerId, String orderId, long lineNumber) {
      this.customerId = customerId;
      this.orderId = orderId;
      this.lineNumber = lineNumber;
    }

    /** order_date (yyyy-MM-dd); the timestamp is that day at 12:00 UTC unless {@link #at} is set. */
    public Builder on(String date) {
      this.orderDate = LocalDate.parse(date);
      return this;
    }

    /** The exact order instant (ISO-8601, e.g. 2025-01-15T09:00:00Z); order_date stays as set. */
    public Builder at(String instant) {
      this.orderTimestamp = Instant.parse(instant);
      return this;
    }

    public Builder online() {
      this.channel = Channel.ONLINE;
      return this;
    }

    public Builder salesAssisted() {
      this.channel = Channel.SALES_ASSISTED;
      return this;
    }

    /** An ONLINE source with a quote: counted SALES_ASSISTED by rule 4. */
    public Builder quoteClosedOnline(String quote) {
      this.channel = Channel.SALES_ASSISTED;
      this.channelRule = ChannelRule.QUOTE_CONVERTED_ONLINE;
      this.orderSource = "WEB";
      this.quoteId = quote;
      return this;
    }

    public Builder source(String code) {
      this.orderSource = code;
      return this;
    }

    /** Line amount in the reporting currency; unit_price follows it unless set. */
    public Builder amount(String value) {
      this.amount = new BigDecimal(value);
      return this;
    }

    /** Quantity; a negative one is a return (give the amount its sign too). */
    public Builder quantity(String value) {
      this.quantity = new BigDecimal(value);
      return this;
    }

    public Builder unitPrice(String value) {
      this.unitPrice = new BigDecimal(value);
      return this;
    }

    public Builder discount(String value) {
      this.discount = new BigDecimal(value);
      return this;
    }

    public Builder currency(String code, String rate) {
      this.currency = code;
      this.fxRate = new BigDecimal(rate);
      return this;
    }

    public Builder salesRep(String repId) {
      this.salesRepId = repId;
      return this;
    }

    public Builder creditedTo(String repId) {
      this.creditedRepId = repId;
      return this;
    }

    public Builder sku(String value) {
      this.sku = value;
      return this;
    }

    /** Marks the line CANCELLED (is_cancelled true). */
    public Builder cancelled() {
      this.orderStatus = "CANCELLED";
      this.cancelled = true;
      return this;
    }

    public Builder status(String status) {
      this.orderStatus = status;
      return this;
    }

    public Builder updatedAt(String instant) {
      this.updatedAt = Instant.parse(instant);
      return this;
    }

    public Builder sourceFile(String file, long line) {
      this.sourceFile = file;
      this.sourceLine = line;
      return this;
    }

    public Row build() {
      Instant timestamp =
          orderTimestamp != null ? orderTimestamp : orderDate.atTime(12, 0).toInstant(ZoneOffset.UTC);
      String source =
          orderSource != null ? orderSource : (channel == Channel.ONLINE ? "WEB" : "PHONE");
      long line;
      synchronized (Builder.class) {
        line = sourceLine != null ? sourceLine : nextSourceLine++;
      }
      BigDecimal money = amount.setScale(2);
      return RowFactory.create(
          sourceFile,
          line,
          orderId,
          lineNumber,
          timestamp,
          orderDate,
          orderDate.toString().substring(0, 7),
          customerId,
          source,
          channel.name(),
          channelRule.name(),
          salesRepId,
          quoteId,
          sku,
          quantity.setScale(6),
          (unitPrice != null ? unitPrice : defaultUnitPrice(money)).setScale(6, RoundingMode.HALF_UP),
          discount.setScale(6),
          currency,
          fxRate.setScale(10),
          money,
          orderStatus,
          cancelled,
          updatedAt,
          creditedRepId,
          null,
          null);
    }

    /** |amount / quantity| in the line's currency, so the row is self-consistent. */
    private BigDecimal defaultUnitPrice(BigDecimal money) {
      if (quantity.signum() == 0) {
        return money.abs();
      }
      return money.abs().divide(quantity.abs().multiply(fxRate), 6, RoundingMode.HALF_UP);
    }
  }
}
