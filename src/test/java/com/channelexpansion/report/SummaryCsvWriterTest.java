package com.channelexpansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.ChannelDefinition;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** executive_summary.csv and channel_definitions.csv as a spreadsheet receives them. */
class SummaryCsvWriterTest {

  @Test
  void summaryHasPlainDecimalsEmptyNullsAndNoFormulas() throws IOException {
    List<SummaryMetric> metrics =
        List.of(
            new SummaryMetric(
                "net_revenue",
                "Revenue, net of returns",
                new BigDecimal("1E+3").setScale(2),
                new BigDecimal("-12.50"),
                new BigDecimal("-81.0000")),
            new SummaryMetric(
                "new_sales_assisted_customers",
                "=1+1 is not a formula here",
                new BigDecimal("1"),
                BigDecimal.ZERO,
                null),
            new SummaryMetric("tiny", "@risk", new BigDecimal("1E-7"), null, null));
    StringWriter out = new StringWriter();
    SummaryCsvWriter.writeExecutiveSummary(metrics, out);
    assertEquals(
        "metric,definition,ttm,year_earlier,change\r\n"
            + "net_revenue,\"Revenue, net of returns\",1000.00,-12.50,-81.0000\r\n"
            // year_earlier 0 -> change empty; the formula-like definition gets an apostrophe.
            + "new_sales_assisted_customers,'=1+1 is not a formula here,1,0,\r\n"
            + "tiny,'@risk,0.0000001,,\r\n",
        out.toString());
  }

  @Test
  void channelDefinitionsAreWrittenToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("channel_definitions.csv");
    SummaryCsvWriter.writeChannelDefinitions(
        List.of(
            new ChannelDefinition("WEB", Channel.ONLINE, "Orders placed in the web shop"),
            new ChannelDefinition("PHONE", Channel.SALES_ASSISTED, "-Phone orders taken by a rep")),
        file);
    assertEquals(
        "order_source,channel_group,definition\r\n"
            + "WEB,ONLINE,Orders placed in the web shop\r\n"
            + "PHONE,SALES_ASSISTED,'-Phone orders taken by a rep\r\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }
}
