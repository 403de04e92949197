package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.channelexpansion.report.SummaryCsvWriter;
import com.channelexpansion.report.SummaryMetric;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** A page table holds, cell for cell, what the CSV writer writes from the same rows. */
class PageTableTest {
  @Test
  void holdsTheCellsTheCsvWriterWritesFromTheSameRows() throws Exception {
    List<String> header = List.of("rep_id", "rep_name", "online_credited_revenue", "commission_current", "delta_proposed");
    List<List<Object>> rows = List.of(
        Arrays.asList("R001", "Morgan Ellison", new BigDecimal("751479.35"), new BigDecimal("53551.92"), new BigDecimal("-0.10")),
        Arrays.asList("R002", "Quinn Langley", new BigDecimal("0.00"), new BigDecimal("1E+3").setScale(2), null));
    StringWriter csv = new StringWriter();
    SummaryCsvWriter.writeTable(header, rows, csv);

    PageTable page = PageTable.of(header, rows);

    CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.toString()));
    List<List<String>> written = new ArrayList<>();
    for (CSVRecord record : parser) {
      written.add(record.toList());
    }
    assertEquals(parser.getHeaderNames(), page.header());
    assertEquals(written, page.rows());
    assertEquals("1000.00", page.rows().get(1).get(3), "plain, never an exponent");
  }

  @Test
  void theSummaryPageTableIsTheCsvOfTheSameMetrics() throws Exception {
    List<SummaryMetric> metrics = List.of(
        new SummaryMetric("net_revenue", "Revenue, =net of returns", new BigDecimal("38465327.47"),
            new BigDecimal("34889240.22"), new BigDecimal("0.1025")),
        new SummaryMetric("unidentified_revenue", "No known customer", new BigDecimal("0.00"),
            new BigDecimal("0.00"), null));
    StringWriter csv = new StringWriter();
    SummaryCsvWriter.writeExecutiveSummary(metrics, csv);

    PageTable page = PageTable.of(List.of(SummaryCsvWriter.SUMMARY_HEADER), SummaryCsvWriter.executiveSummaryRows(metrics));

    List<List<String>> written = new ArrayList<>();
    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.toString())).forEach(record -> written.add(record.toList()));
    assertEquals(written, page.rows(), "every cell equals the CSV's");
    assertEquals("", page.rows().get(1).get(4), "an undefined change is an empty cell, as in the CSV");
  }

  @Test
  void refusesARowOfAnotherWidthAndNamesAMissingColumn() {
    assertThrows(IllegalArgumentException.class, () -> new PageTable(List.of("a", "b"), List.of(List.of("1"))));
    PageTable table = new PageTable(List.of("team", "metric"), List.of(List.of("HOUSE", "net_revenue")));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> table.column("ttm"));
    assertEquals("Cannot find column ttm: the header is [team, metric]", missing.getMessage());
  }

  @Test
  void filtersRowsByAColumnsValue() {
    PageTable table = new PageTable(List.of("team", "metric"),
        List.of(List.of("HOUSE", "net_revenue"), List.of("West", "net_revenue"), List.of("HOUSE", "core_sales_revenue")));
    assertEquals(List.of("net_revenue", "core_sales_revenue"), table.whereEquals("team", "HOUSE").distinct("metric"));
    assertEquals(List.of("HOUSE", "West"), table.distinct("team"));
  }
}
