package com.channelexpansion.config;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The key/value settings of {@code settings.csv}.
 *
 * @param reportingCurrency ISO 4217 code amounts are converted to (default USD)
 * @param timeZone zone that turns order timestamps into business dates (default UTC)
 * @param programStart date the digital program launched (no default)
 * @param maxRejectRatio data-quality gate: rejected / read above this fails the run (default 0.005)
 * @param quoteConvertsToAssisted an ONLINE line with a quote_id counts as SALES_ASSISTED (default true)
 * @param baselinePlan plan the scenarios compare against; null means the first plan listed
 * @param digitalFirstShare a customer whose online share of its window lines reaches this is
 *     DIGITAL_FIRST (default 0.8; 0 &lt; share &lt;= 1)
 * @param stateWindowMonths the calendar months a customer's channel state looks back over
 *     (default 12; at least 1)
 */
public record Settings(
    String reportingCurrency,
    ZoneId timeZone,
    LocalDate programStart,
    BigDecimal maxRejectRatio,
    boolean quoteConvertsToAssisted,
    String baselinePlan,
    BigDecimal digitalFirstShare,
    int stateWindowMonths)
    implements Serializable {

  public static final BigDecimal DEFAULT_DIGITAL_FIRST_SHARE = new BigDecimal("0.8");
  public static final int DEFAULT_STATE_WINDOW_MONTHS = 12;

  /** Settings with the channel-state settings at their defaults. */
  public Settings(
      String reportingCurrency,
      ZoneId timeZone,
      LocalDate programStart,
      BigDecimal maxRejectRatio,
      boolean quoteConvertsToAssisted,
      String baselinePlan) {
    this(
        reportingCurrency,
        timeZone,
        programStart,
        maxRejectRatio,
        quoteConvertsToAssisted,
        baselinePlan,
        DEFAULT_DIGITAL_FIRST_SHARE,
        DEFAULT_STATE_WINDOW_MONTHS);
  }
}
