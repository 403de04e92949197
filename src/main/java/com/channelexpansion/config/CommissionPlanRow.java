package com.channelexpansion.config;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of {@code commission-plans.csv}.
 *
 * @param planId plan identifier (case-sensitive)
 * @param effectiveFrom first day in force, inclusive; null = open start
 * @param effectiveTo last day in force, inclusive; null = open end
 * @param orderChannel channel the row applies to; null means {@code *} (any)
 * @param segment segment the row applies to; null means {@code *} (any)
 * @param rate commission rate as a fraction, up to 6 decimals, never negative
 * @param countsTowardQuota whether matching lines count toward quota credit
 * @param sourceLine physical line of the row in its file, for messages
 */
public record CommissionPlanRow(
    String planId,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Channel orderChannel,
    Segment segment,
    BigDecimal rate,
    boolean countsTowardQuota,
    long sourceLine)
    implements Serializable {}
