package com.channelexpansion.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One proof-of-concept group of pilots.csv: its reps and the day it started.
 *
 * @param pilotId as written (case-sensitive, trimmed)
 * @param startDate first day of the pilot
 * @param description what the pilot tries; null when empty
 * @param repIds the group's reps, rep_ids of reps.csv, in file order, without repeats
 */
public record Pilot(String pilotId, LocalDate startDate, String description, List<String> repIds)
    implements Serializable {
  public Pilot {
    repIds = List.copyOf(repIds);
  }
}
