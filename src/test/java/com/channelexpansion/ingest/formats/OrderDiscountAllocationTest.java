package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrderDiscountAllocationTest {
  private static List<BigDecimal> decimals(String... values) {
    return Stream.of(values).map(BigDecimal::new).toList();
  }

  @Test
  void leftoverCentsGoToTheLargestFractionalParts() {
    // 10.00 over 30.00, 25.00, 35.00 (total 90.00): exact shares 3.333.., 2.777.., 3.888.. cents
    // floors 333 + 277 + 388 = 998; the 2 leftover cents go to .89 (line 3), then .78 (line 2).
    assertEquals(
        decimals("3.33", "2.78", "3.89"),
        OrderDiscountAllocation.allocate(new BigDecimal("10.00"), decimals("30.00", "25.00", "35.00")));
  }

  @Test
  void equalFractionsGoToTheEarlierLine() {
    assertEquals(
        decimals("0.04", "0.03", "0.03"),
        OrderDiscountAllocation.allocate(new BigDecimal("0.10"), decimals("10", "10", "10")));
  }

  @Test
  void aSurchargeIsSpreadLikeADiscountWithSignsFlipped() {
    assertEquals(
        decimals("-0.04", "-0.03", "-0.03"),
        OrderDiscountAllocation.allocate(new BigDecimal("-0.10"), decimals("10", "10", "10")));
  }

  @Test
  void linesWorthNothingShareEqually() {
    assertEquals(
        decimals("0.51", "0.50"),
        OrderDiscountAllocation.allocate(new BigDecimal("1.01"), decimals("0.00", "0")));
  }

  @Test
  void theDiscountIsRoundedToCentsOnceAndTheSharesAddUpToIt() {
    // 7.005 rounds HALF_UP to 7.01; values at six decimals are compared exactly.
    List<BigDecimal> shares =
        OrderDiscountAllocation.allocate(
            new BigDecimal("7.005"), decimals("1.333333", "2.666667", "0.000001", "96"));
    assertEquals(new BigDecimal("7.01"), shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    assertEquals(decimals("0.09", "0.19", "0.00", "6.73"), shares);
  }

  @Test
  void aReturnLineTakesANegativeShare() {
    // 1.00 over +30 and -10 (total 20): +1.50 and -0.50.
    assertEquals(
        decimals("1.50", "-0.50"),
        OrderDiscountAllocation.allocate(new BigDecimal("1.00"), decimals("30", "-10")));
  }
}
