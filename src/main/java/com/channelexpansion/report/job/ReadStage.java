package com.channelexpansion.report.job;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import com.channelexpansion.warehouse.WarehouseSnapshot;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The report's first stage: what it reads from the warehouse, through its one reader. */
final class ReadStage {
  /**
   * The columns the reports use: the rest of a line (source, prices, FX, status) would more than
   * double what is read and cached.
   */
  static final String[] COLUMNS = {
    OrderLineColumns.CUSTOMER_ID,
    OrderLineColumns.ORDER_ID,
    OrderLineColumns.LINE_NUMBER,
    OrderLineColumns.ORDER_TIMESTAMP,
    OrderLineColumns.ORDER_DATE,
    OrderLineColumns.MONTH,
    OrderLineColumns.CHANNEL,
    OrderLineColumns.QUANTITY,
    OrderLineColumns.AMOUNT,
    OrderLineColumns.SALES_REP_ID,
    OrderLineColumns.IS_CANCELLED,
    OrderLineColumns.CREDITED_REP_ID,
    OrderLineColumns.UNKNOWN_REP_ID,
    OrderLineColumns.UNKNOWN_REP_ROLE
  };

  /**
   * @param warehouse the warehouse as read
   * @param counted every counted line through as-of (rule 6), credited by ingest, {@link
   *     #COLUMNS}; lazy: later stages read only the months they need
   * @param months the months the warehouse has lines in through as-of's
   */
  record Result(WarehouseSnapshot warehouse, Dataset<Row> counted, SortedSet<String> months) {}

  private ReadStage() {}

  static Result run(
      SparkSession spark,
      WarehouseLayout layout,
      Long orderLinesVersion,
      Definitions definitions,
      ReferenceData reference,
      LocalDate asOf)
      throws IOException {
    WarehouseSnapshot latest = WarehouseSnapshot.open(spark, layout);
    WarehouseSnapshot warehouse =
        orderLinesVersion == null ? latest : latest.atOrderLinesVersion(orderLinesVersion);
    warehouse.requireBuiltWith(definitions, reference);
    YearMonth asOfMonth = YearMonth.from(asOf);
    Dataset<Row> counted =
        CountedLines.asOf(warehouse.linesThrough(asOfMonth), asOf).select(Columns.named(COLUMNS));
    return new Result(warehouse, counted, warehouse.monthsThrough(asOfMonth));
  }
}
