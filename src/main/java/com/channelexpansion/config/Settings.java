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
 */
public record Settings(
    String reportingCurrency,
    ZoneId timeZone,
    LocalDate programStart,
    BigDecimal maxRejectRatio,
    boolean quoteConvertsToAssisted,
    String baselinePlan)
    implements Serializable {}
