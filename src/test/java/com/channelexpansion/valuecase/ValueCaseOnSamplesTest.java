package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.PilotsLoader;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.IngestJob;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.report.job.ReportJob;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
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
  /** The published CSVs' rows, header left out. */
  private static List<String[]> teamSummary;

  private static List<String[]> transitions;
  private static List<String[]> pilots;
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
    teamSummary = csvRows(published.resolve(ValueCaseCsv.TEAM_SUMMARY));
    transitions = csvRows(published.resolve(ValueCaseCsv.STATE_TRANSITIONS));
    pilots = csvRows(published.resolve(ValueCaseCsv.PILOT_COMPARISON));
  }

  @Test
  void everyTeamOfRepsCsvAndHouseHasEveryMetric() {
    List<String> teams = Teams.all(reference.reps());
    assertTrue(teams.containsAll(List.of("HOUSE", "North Field", "Key Accounts", "Inside Sales")), teams::toString);
    List<String> metricsOfFirstTeam =
        teamSummary.stream().filter(m -> m[0].equals(teams.get(0))).map(m -> m[1]).toList();
    assertEquals(
        List.of("net_revenue", "online_revenue_share", "new_online_customers", "new_online_revenue",
            "new_sales_assisted_customers", "channel_shift_revenue", "channel_shift_share",
            "core_sales_revenue", "avg_order_value_online", "avg_order_value_sales_assisted",
            "new_online_repeat_rate", "unidentified_revenue", "commission_current", "commission_proposed"),
        metricsOfFirstTeam);
    assertEquals(teams.size() * metricsOfFirstTeam.size(), teamSummary.size());
    assertEquals(teams, teamSummary.stream().map(m -> m[0]).distinct().toList());
    String houseCommission =
        teamSummary.stream()
            .filter(m -> m[0].equals("HOUSE") && m[1].equals("commission_current"))
            .findFirst().orElseThrow()[2];
    assertEquals("0.00", houseCommission);
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
    SparkSession spark = SharedSpark.get();
    Dataset<Row> customers = spark.read().parquet(published.resolve(ReportJob.CUSTOMERS).toString());
    assertEquals(0, customers.where("channel_state is null or channel_state_year_earlier is null").count());
    assertEquals(customers.count(), transitions.stream().mapToLong(t -> Long.parseLong(t[3])).sum());
    BigDecimal ttm = transitions.stream().map(t -> new BigDecimal(t[5])).reduce(BigDecimal.ZERO, BigDecimal::add);
    // Every customer's TTM revenue: net revenue less the lines of no known customer.
    BigDecimal identified = new BigDecimal(companySummary.get("net_revenue")[2])
        .subtract(new BigDecimal(companySummary.get("unidentified_revenue")[2]));
    assertEquals(0, identified.compareTo(ttm));
    Set<String> fromStates = transitions.stream().map(t -> t[1]).collect(Collectors.toSet());
    assertTrue(fromStates.contains("NOT_YET_CUSTOMER"), fromStates::toString);
    List<Row> monthly =
        spark.read().parquet(published.resolve(ReportJob.CHANNEL_STATES_MONTHLY).toString())
            .select("month", "segment", "channel_state", "customers")
            .collectAsList();
    assertEquals(24, monthly.stream().map(r -> r.getString(0)).distinct().count());
    assertFalse(monthly.stream().anyMatch(r -> r.getLong(3) <= 0));
  }

  @Test
  void thePilotSellsMoreOnlineThanItsControl() {
    String[] share = pilots.stream().filter(r -> r[1].equals("online_share")).findFirst().orElseThrow();
    assertEquals("north-field-online", share[0]);
    assertTrue(new BigDecimal(share[8]).signum() > 0, () -> "online share lift " + String.join(",", share));
    assertEquals(5, pilots.size());
  }

  private static BigDecimal teamSum(String metric, boolean ttm) {
    return teamSummary.stream()
        .filter(m -> m[1].equals(metric))
        .map(m -> new BigDecimal(ttm ? m[2] : m[3]))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String[] header(Path csv) throws IOException {
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.parse(in).iterator().next().values();
    }
  }

  private static List<String[]> csvRows(Path csv) throws IOException {
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.parse(in).stream().skip(1).map(CSVRecord::values).toList();
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
