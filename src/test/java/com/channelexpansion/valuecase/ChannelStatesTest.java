package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel-state rule on hand-made window sums (pure Java, no Spark). */
class ChannelStatesTest {
  private static final BigDecimal DIGITAL_FIRST = new BigDecimal("0.8");

  private static WindowSums sums(String amount, String online, long lines, long onlineLines) {
    return new WindowSums(new BigDecimal(amount), new BigDecimal(online), lines, onlineLines);
  }

  @Test
  void noWindowLineIsInactiveWithNoShare() {
    ChannelStates.StateAndShare state = ChannelStates.of(WindowSums.NONE, DIGITAL_FIRST);
    assertEquals(ChannelState.INACTIVE, state.state());
    assertNull(state.writtenShare());
  }

  @Test
  void shareZeroIsSalesOnlyExactlyTheThresholdIsDigitalFirstJustBelowIsHybrid() {
    assertEquals(ChannelState.SALES_ONLY, ChannelStates.of(sums("100.00", "0.00", 3, 0), DIGITAL_FIRST).state());
    // 80 / 100 = 0.8 exactly: DIGITAL_FIRST.
    ChannelStates.StateAndShare atThreshold = ChannelStates.of(sums("100.00", "80.00", 5, 4), DIGITAL_FIRST);
    assertEquals(ChannelState.DIGITAL_FIRST, atThreshold.state());
    assertEquals("0.8000", atThreshold.writtenShare().toPlainString());
    // 79.99 / 99.99 = 0.79998 rounds to 0.8000, but the exact share is below: HYBRID.
    ChannelStates.StateAndShare below = ChannelStates.of(sums("99.99", "79.99", 5, 4), DIGITAL_FIRST);
    assertEquals(ChannelState.HYBRID, below.state());
    assertEquals("0.8000", below.writtenShare().toPlainString());
  }

  @Test
  void aZeroAmountCountsLinesInstead() {
    // Free items: amount 0, 1 online line of 4 -> share 0.25, HYBRID.
    ChannelStates.StateAndShare state = ChannelStates.of(sums("0.00", "0.00", 4, 1), DIGITAL_FIRST);
    assertEquals(ChannelState.HYBRID, state.state());
    assertEquals("0.2500", state.writtenShare().toPlainString());
  }

  @Test
  void theWindowCoversTheGivenMonthsOnlyAndTheYearEarlierPartOfItsLastMonth() {
    WindowSums jan = sums("10.00", "10.00", 1, 1);
    WindowSums feb = sums("30.00", "0.00", 1, 0);
    WindowSums febPart = sums("5.00", "0.00", 1, 0);
    List<MonthSums> months =
        List.of(
            new MonthSums(YearMonth.of(2025, 1), jan, new BigDecimal("10.00"), jan, new BigDecimal("10.00")),
            new MonthSums(YearMonth.of(2025, 2), feb, new BigDecimal("30.00"), febPart, new BigDecimal("5.00")));
    // Two months ending 2025-02: both whole.
    assertEquals(new BigDecimal("40.00"), ChannelStates.windowEnding(months, YearMonth.of(2025, 2), 2, false).amount());
    // One month ending 2025-02: January is outside.
    assertEquals(new BigDecimal("30.00"), ChannelStates.windowEnding(months, YearMonth.of(2025, 2), 1, false).amount());
    // The year-earlier state: February counted through the window's end only.
    assertEquals(new BigDecimal("15.00"), ChannelStates.windowEnding(months, YearMonth.of(2025, 2), 2, true).amount());
    // A window ending before any line: no line.
    assertEquals(0, ChannelStates.windowEnding(months, YearMonth.of(2024, 12), 12, false).lines());
  }

  @Test
  void aCustomerFirstBuyingAfterTheYearEarlierWindowIsNotYetACustomer() {
    StateParameters p =
        new StateParameters(
            LocalDate.parse("2026-10-31"), LocalDate.parse("2025-11-01"), LocalDate.parse("2024-11-01"),
            LocalDate.parse("2025-10-31"), 12, DIGITAL_FIRST);
    WindowSums nov = sums("50.00", "50.00", 1, 1);
    CustomerView late =
        new CustomerView("C1", "NEW_ONLINE", LocalDate.parse("2025-11-01"),
            List.of(new MonthSums(YearMonth.of(2025, 11), nov, new BigDecimal("50.00"), nov, new BigDecimal("50.00"))));
    assertEquals(ChannelState.NOT_YET_CUSTOMER, late.fromState(p));
    assertEquals(ChannelState.INACTIVE, late.yearEarlier(p).state());
    assertEquals(ChannelState.DIGITAL_FIRST, late.now(p).state());
    assertEquals(new BigDecimal("50.00"), late.revenueTtm(p));
    assertEquals(0, late.revenueYearEarlier(p).signum());
  }
}
