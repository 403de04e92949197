package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The monthly tables of a page, aggregated from revenue_monthly/ and customers/ rows. */
class MonthlyTablesTest {
  private static final YearMonth AS_OF = YearMonth.of(2026, 10);

  @Test
  void theWindowIsTheTwentyFourMonthsEndingWithTheAsOfMonth() {
    List<String> months = MonthlyTables.window(AS_OF);
    assertEquals(24, months.size());
    assertEquals("2024-11", months.get(0));
    assertEquals("2026-10", months.get(23));
  }

  @Test
  void revenueIsSummedOverRegionsWithinTheWindow() {
    SparkSession spark = SharedSpark.get();
    StructType schema = new StructType()
        .add("month", DataTypes.StringType).add("region", DataTypes.StringType)
        .add("segment", DataTypes.StringType).add("order_channel", DataTypes.StringType)
        .add("net_revenue", DataTypes.createDecimalType(38, 2));
    Dataset<Row> revenue = spark.createDataFrame(List.of(
        RowFactory.create("2024-10", "NORTH", "EXISTING", "ONLINE", new BigDecimal("999.00")),
        RowFactory.create("2024-11", "NORTH", "EXISTING", "ONLINE", new BigDecimal("100.10")),
        RowFactory.create("2024-11", "SOUTH", "EXISTING", "ONLINE", new BigDecimal("-0.10")),
        RowFactory.create("2026-10", "UNKNOWN", "NEW_ONLINE", "ONLINE", new BigDecimal("12.34")),
        RowFactory.create("2026-10", "NORTH", "EXISTING", "SALES_ASSISTED", new BigDecimal("5.00"))), schema);

    PageTable table = MonthlyTables.revenueBySegmentAndChannel(revenue, AS_OF);

    assertEquals(PageModel.REVENUE_MONTHLY_HEADER, table.header());
    assertEquals(List.of(
        List.of("2024-11", "EXISTING", "ONLINE", "100.00"),
        List.of("2026-10", "EXISTING", "SALES_ASSISTED", "5.00"),
        List.of("2026-10", "NEW_ONLINE", "ONLINE", "12.34")), table.rows());
  }

  @Test
  void newCustomersAreCountedByMonthOfFirstOrderAndAcquisitionChannel() {
    SparkSession spark = SharedSpark.get();
    StructType schema = new StructType()
        .add("customer_id", DataTypes.StringType).add("first_order_date", DataTypes.DateType)
        .add("acquisition_channel", DataTypes.StringType);
    Dataset<Row> customers = spark.createDataFrame(List.of(
        RowFactory.create("C1", Date.valueOf("2026-10-31"), "ONLINE"),
        RowFactory.create("C2", Date.valueOf("2026-10-01"), "ONLINE"),
        RowFactory.create("C3", Date.valueOf("2026-10-15"), "SALES_ASSISTED"),
        RowFactory.create("C4", Date.valueOf("2024-10-31"), "ONLINE"),
        RowFactory.create("C5", null, null)), schema);

    PageTable table = MonthlyTables.newCustomersByAcquisitionChannel(customers, AS_OF);

    assertEquals(List.of(List.of("2026-10", "ONLINE", "2"), List.of("2026-10", "SALES_ASSISTED", "1")), table.rows());
  }
}
