package com.channelexpansion.config;

import static com.channelexpansion.config.ConfigFixtures.assertProblem;
import static com.channelexpansion.config.ConfigFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PilotsLoaderTest {
  private static final List<Rep> REPS =
      List.of(new Rep("R1", "Ann", "North", "N"), new Rep("R2", "Bob", "", "N"), new Rep("R3", "Cy", "South", "S"));

  @TempDir Path dir;

  private List<Pilot> load(String... rows) throws Exception {
    String[] all = new String[rows.length + 1];
    all[0] = "Pilot_ID,rep_id,start_date,description";
    System.arraycopy(rows, 0, all, 1, rows.length);
    Files.writeString(dir.resolve("pilots.csv"), lines(all));
    return PilotsLoader.load(dir, REPS);
  }

  @Test
  void noFileIsNoPilot() {
    assertEquals(List.of(), PilotsLoader.load(dir, REPS));
  }

  @Test
  void groupsRowsByPilotInFileOrder() throws Exception {
    List<Pilot> pilots = load("p2,R1,2026-03-01,Web push", "p1,R3,2026-01-01,", "p2,R2,2026-03-01,Web push", "p1,R1,2026-01-01,");
    assertEquals(
        List.of(
            new Pilot("p2", LocalDate.parse("2026-03-01"), "Web push", List.of("R1", "R2")),
            new Pilot("p1", LocalDate.parse("2026-01-01"), null, List.of("R3", "R1"))),
        pilots);
  }

  @Test
  void everyProblemNamesFileLineAndProblem() {
    assertProblem(() -> load("p,R9,2026-03-01,x"), "pilots.csv", 2, "rep_id \"R9\" is not a rep of reps.csv");
    assertProblem(() -> load("p,R1,2026-13-01,x"), "pilots.csv", 2, "start_date \"2026-13-01\" is not a date");
    assertProblem(() -> load("p,R1,2026-03-01,x", "p,R2,2026-03-02,x"), "pilots.csv", 3, "two start dates");
    assertProblem(() -> load("p,R1,2026-03-01,x", "p,R2,2026-03-01,y"), "pilots.csv", 3, "two descriptions");
    assertProblem(() -> load("p,R1,2026-03-01,x", "p,R1,2026-03-01,x"), "pilots.csv", 3, "duplicate rep R1 in pilot p");
    assertProblem(() -> load(" ,R1,2026-03-01,x"), "pilots.csv", 2, "pilot_id is empty");
  }

  @Test
  void channelStateSettingsHaveDefaultsAndLimits() throws Exception {
    ConfigCsvFile file =
        ConfigCsvFile.parse("settings.csv", lines("key,value", "program_start,2025-05-01"), List.of("key", "value"));
    Settings defaults = SettingsLoader.settings(file);
    assertEquals(0, new java.math.BigDecimal("0.8").compareTo(defaults.digitalFirstShare()));
    assertEquals(12, defaults.stateWindowMonths());
    for (String bad : List.of("0", "1.5", "-0.1", "abc")) {
      ConfigCsvFile badShare =
          ConfigCsvFile.parse("settings.csv", lines("key,value", "program_start,2025-05-01", "digital_first_share," + bad), List.of("key", "value"));
      assertProblem(() -> SettingsLoader.settings(badShare), "settings.csv", 3, "digital_first_share");
    }
    for (String bad : List.of("0", "1.5", "-3", "twelve")) {
      ConfigCsvFile badWindow =
          ConfigCsvFile.parse("settings.csv", lines("key,value", "program_start,2025-05-01", "state_window_months," + bad), List.of("key", "value"));
      assertProblem(() -> SettingsLoader.settings(badWindow), "settings.csv", 3, "state_window_months");
    }
    ConfigCsvFile six =
        ConfigCsvFile.parse("settings.csv", lines("key,value", "program_start,2025-05-01", "state_window_months,6", "digital_first_share,1"), List.of("key", "value"));
    assertEquals(6, SettingsLoader.settings(six).stateWindowMonths());
  }
}
