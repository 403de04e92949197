package com.channelexpansion.config;

import java.io.Serializable;
import java.util.List;

/**
 * Everything under {@code --config}: the definitions sales ops edit. Checked before any data is read.
 *
 * @param pilots pilots.csv ({@link PilotsLoader}), empty without the file; it is checked against
 *     reps.csv, so it is loaded after the reference data and added with {@link #withPilots}
 */
public record Definitions(
    Settings settings,
    List<ChannelDefinition> channelDefinitions,
    List<CommissionPlanRow> commissionPlans,
    List<CommissionTier> commissionTiers,
    List<Pilot> pilots)
    implements Serializable {

  public Definitions {
    pilots = pilots == null ? List.of() : List.copyOf(pilots);
  }

  /** Definitions without pilots. */
  public Definitions(
      Settings settings,
      List<ChannelDefinition> channelDefinitions,
      List<CommissionPlanRow> commissionPlans,
      List<CommissionTier> commissionTiers) {
    this(settings, channelDefinitions, commissionPlans, commissionTiers, List.of());
  }

  /** These definitions with {@code pilots} (from {@link PilotsLoader#load}) in place of any. */
  public Definitions withPilots(List<Pilot> pilots) {
    return new Definitions(settings, channelDefinitions, commissionPlans, commissionTiers, pilots);
  }
}
