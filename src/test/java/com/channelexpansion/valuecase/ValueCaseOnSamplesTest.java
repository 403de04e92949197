package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.PilotsLoader;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.IngestJob;
import com.channelexpansion.ingest.OrderLinesTable;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.report.ReportJob;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.valuecase.TeamSummary.TeamMetric;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The value case end to end on the small generated samples: the production functions on the lines
 * the report counts, checked against the company's figures the report publishes.
 */
class ValueCaseOnSamplesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

  @TempDir static Path dir;
  private static ReferenceData reference;
  private static Definitions definitions;
  private static ValueCaseResult result;
  private static Map<String, String[]> companySummary;
  private static Path published;

  @BeforeAll
  static void runReportAndValueCase() throws IOException {
    SparkSession spark = SharedSpark.get();
    Path samples = SmallSamples.generate(dir.resolve("samples"));
    reference = SmallSamples.reference(samples);
    definitions =
        SmallSamples.definitions(samples)
            .withPilots(PilotsLoader.load(samples.resolve("config"), reference.reps()));
    WarehouseLayout warehouse = new WarehouseLayout(dir.resolve("warehouse").toString());
    new IngestJob(spark, definitions, reference, samples.resolve("exports").toString(),
            SourceFormats.allCanonical(), warehouse, "ingest")
        .execute();
    new ReportJob(spark, definitions, reference, warehouse,
            new ReportsLayout(dir.resolve("reports").toString()), AS_OF, "report")
        .execute(Map.of());
    published = dir.resolve("reports").resolve("as_of=" + AS_OF);
    companySummary = csvByFirstColumn(published.resolve(ReportJob.EXECUTIVE_SUMMARY));

    Dataset<Row> counted = CountedLines.asOf(OrderLinesTable.read(spark, warehouse.orderLines()), AS_OF);
    Dataset<Row> credited = RepCrediting.credit(counted, reference.accounts(), reference.reps());
    Dataset<Row> customers = spark.read().parquet(published.resolve(ReportJob.CUSTOMERS).toString());
    Dataset<Row> commissions = spark.read().parquet(published.resolve(ReportJob.COMMISSIONS).toString());
    result = ValueCaseReport.build(credited, customers, commissions, definitions, reference, AS_OF);
  }

  @Test
  void everyTeamOfRepsCsvAndHouseHasEveryMetric() {
    List<String> teams = Teams.all(reference.reps());
    assertTrue(teams.containsAll(List.of("HOUSE", "North Field", "Key Accounts", "Inside Sales")), teams::toString);
    List<String> metricsOfFirstTeam =
        result.teamSummary().stream().filter(m -> m.team().equals(teams.get(0))).map(TeamMetric::metric).toList();
    assertEquals(
        List.of("net_revenue", "online_revenue_share", "new_online_customers", "new_online_revenue",
            "new_sales_assisted_customers", "channel_shift_revenue", "channel_shift_share",
            "core_sales_revenue", "avg_order_value_online", "avg_order_value_sales_assisted",
            "new_online_repeat_rate", "unidentified_revenue", "commission_current", "commission_proposed"),
        metricsOfFirstTeam);
    assertEquals(teams.size() * metricsOfFirstTeam.size(), result.teamSummary().size());
    assertEquals(teams, result.teamSummary().stream().map(TeamMetric::team).distinct().toList());
    BigDecimal houseCommission =
        result.teamSummary().stream()
            .filter(m -> m.team().equals("HOUSE") && m.metric().equals("commission_current"))
            .findFirst().orElseThrow().ttm();
    assertEquals("0.00", houseCommission.toPlainString());
  }

  @Test
  void teamSumsReconcileExactlyWithTheCompany() {
    for (String metric :
        List.of("net_revenue", "new_online_revenue", "channel_shift_revenue", "core_sales_revenue",
            "unidentified_revenue", "new_online_customers", "new_sales_assisted_customers")) {
      String[] company = companySummary.get(metric);
      assertNotNull(company, metric);
      assertEquals(0, new BigDecimal(company[2]).compareTo(teamSum(metric, true)), metric + " ttm");
      assertEquals(0, new BigDecimal(company[3]).compareTo(teamSum(metric, false)), metric + " year_earlier");
    }
    assertTrue(teamSum("net_revenue", true).signum() > 0);
  }

  @Test
  void teamCommissionsAddUpToCommissionScenarios() throws IOException {
    Map<String, String[]> scenarios = csvByFirstColumn(published.resolve(ReportJob.COMMISSION_SCENARIOS));
    for (String plan : List.of("current", "proposed")) {
      int column = List.of(header(published.resolve(ReportJob.COMMISSION_SCENARIOS))).indexOf("commission_" + plan);
      BigDecimal reps = BigDecimal.ZERO;
      for (String[] row : scenarios.values()) {
        reps = reps.add(new BigDecimal(row[column]));
      }
      assertEquals(0, reps.compareTo(teamSum("commission_" + plan, true)), plan);
    }
  }

  @Test
  void statesCoverEveryCustomerAndTransitionsAddUpToTheirRevenue() {
    long customers = result.customerStates().count();
    assertEquals(
        customers, result.stateTransitions().stream().mapToLong(StateTransition::customers).sum());
    BigDecimal ttm =
        result.stateTransitions().stream().map(StateTransition::revenueTtm).reduce(BigDecimal.ZERO, BigDecimal::add);
    // Every customer's TTM revenue: net revenue less the lines of no known customer.
    BigDecimal identified = new BigDecimal(companySummary.get("net_revenue")[2])
        .subtract(new BigDecimal(companySummary.get("unidentified_revenue")[2]));
    assertEquals(0, identified.compareTo(ttm));
    Set<String> fromStates =
        result.stateTransitions().stream().map(StateTransition::fromState).collect(Collectors.toSet());
    assertTrue(fromStates.contains("NOT_YET_CUSTOMER"), fromStates::toString);
    List<Row> monthly = result.channelStatesMonthly().collectAsList();
    assertEquals(24, monthly.stream().map(r -> r.getString(0)).distinct().count());
    assertFalse(monthly.stream().anyMatch(r -> r.getLong(3) <= 0));
  }

  @Test
  void thePilotSellsMoreOnlineThanItsControl() {
    PilotRow share =
        result.pilotComparison().stream()
            .filter(r -> r.metric().equals("online_share"))
            .findFirst()
            .orElseThrow();
    assertEquals("north-field-online", share.pilotId());
    assertTrue(share.lift().signum() > 0, () -> "online share lift " + share);
    assertEquals(5, result.pilotComparison().size());
  }

  private static BigDecimal teamSum(String metric, boolean ttm) {
    return result.teamSummary().stream()
        .filter(m -> m.metric().equals(metric))
        .map(m -> ttm ? m.ttm() : m.yearEarlier())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String[] header(Path csv) throws IOException {
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.parse(in).iterator().next().values();
    }
  }

  private static Map<String, String[]> csvByFirstColumn(Path csv) throws IOException {
    Map<String, String[]> rows = new HashMap<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      boolean header = true;
      for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
        if (!header) {
          String[] values = record.values();
          rows.put(values[0], values);
        }
        header = false;
      }
    }
    return rows;
  }
}
