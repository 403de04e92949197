package com.channelexpansion.config;

import java.io.Serializable;
import java.util.List;

/** Everything under {@code --reference}. Checked before any data is read. */
public record ReferenceData(
    List<Account> accounts, List<Rep> reps, List<Quota> quotas, List<FxRate> fxRates)
    implements Serializable {}
