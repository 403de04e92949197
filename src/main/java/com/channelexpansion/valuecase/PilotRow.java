package com.channelexpansion.valuecase;

import java.math.BigDecimal;

/** A row of pilot_comparison.csv; null values are written empty. */
public record PilotRow(
    String pilotId,
    String metric,
    BigDecimal pilotBefore,
    BigDecimal pilotAfter,
    BigDecimal pilotChange,
    BigDecimal controlBefore,
    BigDecimal controlAfter,
    BigDecimal controlChange,
    BigDecimal lift) {}
