package com.channelexpansion.config;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code fx_rates.csv}: 1 unit of currency = rateToReporting units of reporting currency. */
public record FxRate(LocalDate rateDate, String currency, BigDecimal rateToReporting)
    implements Serializable {}
