package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cells are shown with the CSV's digits: grouped, never rounded; ratios as exact percentages. */
class DisplayFormatTest {
  @Test
  void groupsThousandsAndKeepsEveryDecimal() {
    assertEquals("38,465,327.47", DisplayFormat.grouped("38465327.47"));
    assertEquals("-1,000.5", DisplayFormat.grouped("-1000.5"));
    assertEquals("999", DisplayFormat.grouped("999"));
    assertEquals("0.0001", DisplayFormat.grouped("0.0001"));
  }

  @Test
  void showsRatiosAndChangesAsPercentagesWithoutRounding() {
    assertEquals("29.26%", DisplayFormat.percent("0.2926"));
    assertEquals("+1,652.16%", DisplayFormat.signedPercent("16.5216"));
    assertEquals("-23.91%", DisplayFormat.signedPercent("-0.2391"));
    assertEquals("0.00%", DisplayFormat.signedPercent("0.0000"));
  }

  @Test
  void formatsACellByItsColumnAndItsRowsMetric() {
    assertEquals("29.26%", DisplayFormat.cell("ttm", "online_revenue_share", "0.2926"));
    assertEquals("2,996,077.28", DisplayFormat.cell("ttm", "new_online_revenue", "2996077.28"));
    assertEquals("+10.25%", DisplayFormat.cell("change", "net_revenue", "0.1025"));
    assertEquals("+12.48%", DisplayFormat.cell("lift", "credited_revenue_per_rep", "0.1248"));
    assertEquals("+24,385.29", DisplayFormat.cell("delta_proposed", null, "24385.29"));
    assertEquals("", DisplayFormat.cell("change", "unidentified_revenue", ""));
    assertEquals("EXISTING", DisplayFormat.cell("segment", null, "EXISTING"));
  }

  @Test
  void headlineMoneyCarriesTheCurrency() {
    assertEquals("USD 25,056,307.21", DisplayFormat.metricValue("core_sales_revenue", "USD", "25056307.21"));
    assertEquals("427", DisplayFormat.metricValue("new_online_customers", "USD", "427"));
    assertEquals("n/a", DisplayFormat.metricValue("core_sales_revenue", "USD", ""));
  }
}
