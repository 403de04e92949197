package com.channelexpansion.report;

import java.math.BigDecimal;

/**
 * One row of executive_summary.csv.
 *
 * @param metric metric id, e.g. {@code net_revenue}
 * @param definition what the number means, in words a sales leader uses
 * @param ttm value over the trailing 12 months; null when undefined (a zero denominator)
 * @param yearEarlier value over the year-earlier window; null when undefined
 * @param change ttm / yearEarlier - 1 from unrounded values, HALF_UP to 4 decimals; null when
 *     either value is undefined or the year-earlier value is 0
 */
public record SummaryMetric(
    String metric, String definition, BigDecimal ttm, BigDecimal yearEarlier, BigDecimal change) {}
