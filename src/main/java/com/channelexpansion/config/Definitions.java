package com.channelexpansion.config;

import java.io.Serializable;
import java.util.List;

/** Everything under {@code --config}: the definitions sales ops edit. Checked before any data is read. */
public record Definitions(
    Settings settings,
    List<ChannelDefinition> channelDefinitions,
    List<CommissionPlanRow> commissionPlans,
    List<CommissionTier> commissionTiers)
    implements Serializable {}
