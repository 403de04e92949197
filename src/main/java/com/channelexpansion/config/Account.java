package com.channelexpansion.config;

import java.io.Serializable;

/** One row of {@code accounts.csv}; ownerRepId and region are null when empty. */
public record Account(String customerId, String customerName, String ownerRepId, String region)
    implements Serializable {}
