package com.channelexpansion.config;

import java.io.Serializable;
import java.math.BigDecimal;

/** One row of {@code commission-tiers.csv}: from this attainment on, base commission is multiplied. */
public record CommissionTier(String planId, BigDecimal minAttainment, BigDecimal multiplier)
    implements Serializable {}
