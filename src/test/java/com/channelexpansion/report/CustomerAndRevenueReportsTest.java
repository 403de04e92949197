package com.channelexpansion.report;

import static com.channelexpansion.testing.OrderLineFixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.config.Account;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** customers/ and revenue_monthly/ on a small hand-made input. */
class CustomerAndRevenueReportsTest {
  private static final LocalDate PROGRAM_START = LocalDate.parse("2025-01-01");
  private static final LocalDate AS_OF = LocalDate.parse("2025-03-31");

  private static Dataset<Row> customers;
  private static Dataset<Row> revenueMonthly;

  @BeforeAll
  static void buildReports() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> orderLines =
        OrderLineFixtures.frame(
            spark,
            // C1, EXISTING (first order 2024-11-05 < program start), account WEST / R1.
            line("C1", "O1", 1).on("2024-11-05").salesAssisted().amount("100.00").build(),
            line("C1", "O2", 1).on("2025-02-10").online().amount("50.00").build(),
            line("C1", "O2", 2).on("2025-02-10").salesAssisted().amount("30.00").build(),
            line("C1", "O3", 1).on("2025-03-20").online().quantity("-1").amount("-20.00").build(),
            // C2, NEW_ONLINE, account with empty owner and region.
            line("C2", "O10", 1).on("2025-02-03").online().amount("40.00").build(),
            line("C2", "O11", 1).on("2025-02-20").online().amount("60.00").build(),
            line("C2", "O11", 2).on("2025-02-20").online().amount("5.00").build(),
            // C3, NEW_SALES_ASSISTED, not in accounts; one line after as-of, one cancelled.
            line("C3", "O20", 1).on("2025-03-02").salesAssisted().amount("200.00").build(),
            line("C3", "O21", 1).on("2025-04-01").salesAssisted().amount("999.00").build(),
            line("C3", "O22", 1).on("2025-03-03").online().amount("77.00").cancelled().build(),
            // C4, NEW_ONLINE, not in accounts: shares C2's revenue_monthly row.
            line("C4", "O30", 1).on("2025-02-25").online().amount("10.00").build(),
            // C5, NEW_ONLINE: order O40 has lines in two months, and is one order.
            line("C5", "O40", 1).on("2025-01-31").online().amount("10.00").build(),
            line("C5", "O40", 2).on("2025-02-01").online().amount("15.00").build(),
            line("C5", "O41", 1).on("2025-02-05").online().amount("5.00").build(),
            // No known customer: an online order of two lines and a phone order, after program
            // start (as a customer they would be NEW_ONLINE); accounts.csv lists the id by mistake.
            line("UNIDENTIFIED", "O50", 1).on("2025-02-12").online().amount("25.00").build(),
            line("UNIDENTIFIED", "O50", 2).on("2025-02-12").online().amount("5.00").build(),
            line("UNIDENTIFIED", "O51", 1).on("2025-02-14").salesAssisted().amount("70.00").build());
    Dataset<Row> accounts =
        ReferenceFrames.accounts(
            spark,
            List.of(
                new Account("C1", "Acme", "R1", "WEST"),
                new Account("C2", "Bolt", "", " "),
                new Account("C5", "Cinco", "", "EAST"),
                new Account("C9", "Unused", "R9", "EAST"),
                new Account("UNIDENTIFIED", "Walk-in", "R1", "WEST")));
    Dataset<Row> counted = CountedLines.asOf(orderLines, AS_OF);
    Dataset<Row> classified = ReportStages.classified(counted, PROGRAM_START);
    Dataset<Row> split = CustomerMonths.splitOrderLines(counted);
    customers =
        CustomersReport.build(
            CustomerMonths.perCustomer(CustomerMonths.of(counted, split), split), classified, accounts);
    revenueMonthly = RevenueMonthlyReport.build(counted, classified, accounts);
  }

  @Test
  void customersHaveAccountDataAcquisitionAndTotals() {
    Map<String, String> rows = render(customers, 0);
    assertEquals(5, rows.size(), "C1..C5; C9 bought nothing; UNIDENTIFIED is no customer");
    // C1: orders O1, O2, O3 (the return counts) = 3; net 100 + 50 + 30 - 20 = 160.00;
    // online 50 - 20 = 30.00; last order the return on 2025-03-20.
    assertEquals(
        "C1|WEST|R1|2024-11-05|SALES_ASSISTED|EXISTING|2024-11|3|160.00|30.00|2025-03-20",
        rows.get("C1"));
    // C2: empty owner -> null, blank region -> UNKNOWN; orders O10, O11 = 2; 40 + 60 + 5 = 105.00.
    assertEquals(
        "C2|UNKNOWN|null|2025-02-03|ONLINE|NEW_ONLINE|2025-02|2|105.00|105.00|2025-02-20",
        rows.get("C2"));
    // C3: missing from accounts; O21 (after as-of) and O22 (cancelled) excluded; no online -> 0.00.
    assertEquals(
        "C3|UNKNOWN|null|2025-03-02|SALES_ASSISTED|NEW_SALES_ASSISTED|2025-03|1|200.00|0.00|2025-03-02",
        rows.get("C3"));
    assertEquals(
        "C4|UNKNOWN|null|2025-02-25|ONLINE|NEW_ONLINE|2025-02|1|10.00|10.00|2025-02-25",
        rows.get("C4"));
    // C5: O40's lines fall in January and February, and it is still one order: O40, O41 = 2.
    assertEquals(
        "C5|EAST|null|2025-01-31|ONLINE|NEW_ONLINE|2025-01|2|30.00|30.00|2025-02-05",
        rows.get("C5"));
  }

  @Test
  void customersSchemaUsesDecimalMoneyAndDates() {
    assertEquals(
        "customer_id:string,region:string,owner_rep_id:string,first_order_date:date,"
            + "acquisition_channel:string,segment:string,cohort_month:string,orders:bigint,"
            + "net_revenue:decimal(38,2),online_revenue:decimal(38,2),last_order_date:date",
        schema(customers));
  }

  @Test
  void revenueMonthlyIsTheExpansionMatrixByMonthAndRegion() {
    Map<String, String> rows = render(revenueMonthly, 4);
    // key = month|region|segment|order_channel ; value = ...|customers|orders|lines|net_revenue
    assertEquals(10, rows.size(), rows.toString());
    // A month counts the orders with lines in it: O40 in both of C5's months.
    assertEquals("2025-01|EAST|NEW_ONLINE|ONLINE|1|1|1|10.00", rows.get("2025-01|EAST|NEW_ONLINE|ONLINE"));
    assertEquals("2025-02|EAST|NEW_ONLINE|ONLINE|1|2|2|20.00", rows.get("2025-02|EAST|NEW_ONLINE|ONLINE"));
    assertEquals(
        "2024-11|WEST|EXISTING|SALES_ASSISTED|1|1|1|100.00",
        rows.get("2024-11|WEST|EXISTING|SALES_ASSISTED"));
    // O2 has lines in both channels: it counts once in each channel's row.
    assertEquals("2025-02|WEST|EXISTING|ONLINE|1|1|1|50.00", rows.get("2025-02|WEST|EXISTING|ONLINE"));
    assertEquals(
        "2025-02|WEST|EXISTING|SALES_ASSISTED|1|1|1|30.00",
        rows.get("2025-02|WEST|EXISTING|SALES_ASSISTED"));
    // C2 (O10: 1 line, O11: 2 lines) + C4 (O30: 1 line): 2 customers, 3 orders, 4 lines,
    // 40 + 60 + 5 + 10 = 115.00.
    assertEquals(
        "2025-02|UNKNOWN|NEW_ONLINE|ONLINE|2|3|4|115.00",
        rows.get("2025-02|UNKNOWN|NEW_ONLINE|ONLINE"));
    // UNIDENTIFIED lines: segment UNIDENTIFIED, region UNKNOWN whatever accounts.csv says,
    // customers 0; O50 (2 lines, 25 + 5) and O51 counted like any order.
    assertEquals(
        "2025-02|UNKNOWN|UNIDENTIFIED|ONLINE|0|1|2|30.00",
        rows.get("2025-02|UNKNOWN|UNIDENTIFIED|ONLINE"));
    assertEquals(
        "2025-02|UNKNOWN|UNIDENTIFIED|SALES_ASSISTED|0|1|1|70.00",
        rows.get("2025-02|UNKNOWN|UNIDENTIFIED|SALES_ASSISTED"));
    // The return is booked in its own month.
    assertEquals("2025-03|WEST|EXISTING|ONLINE|1|1|1|-20.00", rows.get("2025-03|WEST|EXISTING|ONLINE"));
    assertEquals(
        "2025-03|UNKNOWN|NEW_SALES_ASSISTED|SALES_ASSISTED|1|1|1|200.00",
        rows.get("2025-03|UNKNOWN|NEW_SALES_ASSISTED|SALES_ASSISTED"));
  }

  @Test
  void revenueMonthlySchema() {
    assertEquals(
        "month:string,region:string,segment:string,order_channel:string,customers:bigint,"
            + "orders:bigint,lines:bigint,net_revenue:decimal(38,2)",
        schema(revenueMonthly));
  }

  /** Rows as "a|b|c" strings keyed by their first {@code keyColumns} values (0: the first one). */
  private static Map<String, String> render(Dataset<Row> frame, int keyColumns) {
    Map<String, String> out = new TreeMap<>();
    for (Row row : frame.collectAsList()) {
      String[] cells = new String[row.size()];
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        cells[i] = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
      }
      int keys = Math.max(1, keyColumns);
      out.put(String.join("|", Arrays.copyOf(cells, keys)), String.join("|", cells));
    }
    return out;
  }

  private static String schema(Dataset<Row> frame) {
    return Arrays.stream(frame.schema().fields())
        .map(f -> f.name() + ":" + f.dataType().simpleString())
        .collect(Collectors.joining(","));
  }
}
