package com.channelexpansion.valuecase;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A customer's positive lines in a state window: their amount, the amount of the ONLINE ones,
 * and how many lines there are of each.
 */
public record WindowSums(BigDecimal amount, BigDecimal onlineAmount, long lines, long onlineLines)
    implements Serializable {
  public static final WindowSums NONE = new WindowSums(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

  public WindowSums plus(WindowSums other) {
    return new WindowSums(
        amount.add(other.amount),
        onlineAmount.add(other.onlineAmount),
        lines + other.lines,
        onlineLines + other.onlineLines);
  }
}
