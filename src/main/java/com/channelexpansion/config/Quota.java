package com.channelexpansion.config;

import java.io.Serializable;
import java.math.BigDecimal;

/** One row of {@code quotas.csv}: month is yyyy-MM, amount in the reporting currency. */
public record Quota(String repId, String month, BigDecimal quotaAmount) implements Serializable {}
