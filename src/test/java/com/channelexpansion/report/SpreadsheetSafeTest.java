package com.channelexpansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The formula guard of the executive CSVs. */
class SpreadsheetSafeTest {

  @Test
  void formulasGetAnApostrophe() {
    assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")"));
    assertEquals("'+SUM(A1:A9)", SpreadsheetSafe.cell("+SUM(A1:A9)"));
    assertEquals("'-2+3", SpreadsheetSafe.cell("-2+3"));
    assertEquals("'@cmd", SpreadsheetSafe.cell("@cmd"));
    assertEquals("'-", SpreadsheetSafe.cell("-"));
    assertEquals("'-1E5", SpreadsheetSafe.cell("-1E5"));
  }

  @Test
  void tabAndCarriageReturnStartsAreGuardedToo() {
    assertEquals("'\t=1+1", SpreadsheetSafe.cell("\t=1+1"));
    assertEquals("'\r=1+1", SpreadsheetSafe.cell("\r=1+1"));
  }

  @Test
  void plainNumbersAndTextStayAsTheyAre() {
    assertEquals("-12.50", SpreadsheetSafe.cell("-12.50"));
    assertEquals("+3", SpreadsheetSafe.cell("+3"));
    assertEquals("-0.2077", SpreadsheetSafe.cell("-0.2077"));
    assertEquals("1850.00", SpreadsheetSafe.cell("1850.00"));
    assertEquals("net_revenue", SpreadsheetSafe.cell("net_revenue"));
    assertEquals("a=b", SpreadsheetSafe.cell("a=b"));
    assertEquals("", SpreadsheetSafe.cell(""));
    assertNull(SpreadsheetSafe.cell(null));
  }
}
