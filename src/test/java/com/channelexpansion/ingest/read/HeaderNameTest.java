package com.channelexpansion.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** PRODUCT.md's header rule, the same for every source format. */
class HeaderNameTest {
  @Test
  void spacesAndTabsAreTrimmedAndCaseIgnored() {
    assertEquals("order_id", HeaderName.key(" \tOrder_ID\t "));
    assertEquals("lineitem quantity", HeaderName.key("Lineitem Quantity"));
    assertEquals("größe", HeaderName.key("GRÖßE"));
  }

  @Test
  void otherBlanksStayPartOfTheName() {
    assertNotEquals("order_id", HeaderName.key("order_id\u00a0"));
    assertNotEquals("order_id", HeaderName.key("\u2003order_id"));
  }
}
