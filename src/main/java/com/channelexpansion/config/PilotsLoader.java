package com.channelexpansion.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads and checks the optional {@code pilots.csv} of {@code --config} (PRODUCT.md, "A pilot
 * against its control"): pilot_id, rep_id, start_date, description. Read rules are those of
 * {@link ConfigCsvFile}. Every row of a pilot has the same start_date and description; pilot_id
 * and rep_id are ids (case-sensitive) and may not be empty; a rep_id must be one of reps.csv (so
 * the file is checked after the reference data, like fx_rates.csv is checked against the
 * settings' reporting currency); a (pilot_id, rep_id) pair appears once. A rep may sit in several
 * pilots. Every problem is a {@link ConfigurationException} "pilots.csv line N: problem".
 */
public final class PilotsLoader {
  public static final String PILOTS_FILE = "pilots.csv";

  private PilotsLoader() {}

  /**
   * The pilots of {@code configDir}, in the order they are first listed; none when the file does
   * not exist.
   *
   * @param reps the reps of reps.csv (the reference data, already loaded)
   */
  public static List<Pilot> load(Path configDir, List<Rep> reps) {
    Path file = configDir.resolve(PILOTS_FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    return pilots(
        ConfigCsvFile.read(file, List.of("pilot_id", "rep_id", "start_date", "description")), reps);
  }

  static List<Pilot> pilots(ConfigCsvFile file, List<Rep> reps) {
    Set<String> repIds = reps.stream().map(Rep::repId).collect(Collectors.toSet());
    Map<String, ConfigRow> firstRow = new LinkedHashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    Map<List<String>, Long> pairLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String pilotId = row.requiredText("pilot_id");
      String repId = row.requiredText("rep_id");
      LocalDate start = row.requiredDate("start_date");
      String description = row.optionalText("description");
      if (!repIds.contains(repId)) {
        throw row.problem(
            "rep_id " + ConfigRow.quote(repId) + " is not a rep of " + ReferenceDataLoader.REPS_FILE
                + " (rep ids are case-sensitive)");
      }
      Long first = pairLine.putIfAbsent(List.of(pilotId, repId), row.line());
      if (first != null) {
        throw row.problem(
            "duplicate rep " + repId + " in pilot " + pilotId + " (first on line " + first + ")");
      }
      ConfigRow pilotRow = firstRow.putIfAbsent(pilotId, row);
      if (pilotRow != null) {
        checkSameAsFirstRow(row, pilotId, start, description, pilotRow);
      }
      groups.computeIfAbsent(pilotId, id -> new ArrayList<>()).add(repId);
    }
    List<Pilot> pilots = new ArrayList<>();
    firstRow.forEach(
        (pilotId, row) ->
            pilots.add(
                new Pilot(
                    pilotId,
                    row.requiredDate("start_date"),
                    row.optionalText("description"),
                    groups.get(pilotId))));
    return List.copyOf(pilots);
  }

  private static void checkSameAsFirstRow(
      ConfigRow row, String pilotId, LocalDate start, String description, ConfigRow first) {
    LocalDate firstStart = first.requiredDate("start_date");
    if (!firstStart.equals(start)) {
      throw row.problem(
          "pilot " + pilotId + " has two start dates: " + start + " here and " + firstStart
              + " on line " + first.line() + " (every row of a pilot has the same start_date)");
    }
    String firstDescription = first.optionalText("description");
    if (!Objects.equals(firstDescription, description)) {
      throw row.problem(
          "pilot " + pilotId + " has two descriptions: "
              + ConfigRow.quote(Objects.toString(description, "")) + " here and "
              + ConfigRow.quote(Objects.toString(firstDescription, "")) + " on line " + first.line()
              + " (every row of a pilot has the same description)");
    }
  }
}
