package com.channelexpansion.config;

import java.io.Serializable;

/** One row of {@code reps.csv}. */
public record Rep(String repId, String repName, String team, String region) implements Serializable {}
