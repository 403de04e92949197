package com.channelexpansion.samples;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 20 reps of reps.csv: 5 per region (3 in the region's field team, 1 in Key Accounts, 1 in
 * Inside Sales). Two North Field reps form the pilot of pilots.csv from {@link #pilotStart}: their
 * accounts then order online {@link #PILOT_ONLINE_BOOST} more often. A 21st rep, {@link #DEPARTED_REP_ID}, left before the data was exported: it still
 * appears on early orders but not in reps.csv (the job credits it to HOUSE with a warning).
 */
final class SalesForce {

  static final List<String> REGIONS = List.of("NORTH", "SOUTH", "EAST", "WEST");
  static final String DEPARTED_REP_ID = "R021";

  /** The proof-of-concept group of pilots.csv: two of the North Field reps. */
  static final String PILOT_ID = "north-field-online";

  static final String PILOT_DESCRIPTION =
      "Two North Field reps show their accounts the web shop and keep the credit for their online orders";

  /** Their accounts order online far more from the pilot's start on (the generated effect). */
  static final double PILOT_ONLINE_BOOST = 0.35;

  /**
   * One rep.
   *
   * @param quotaFrom first month with a quota; earlier months get quota 0 (ramp-up: no quota)
   */
  record SampleRep(String repId, String repName, String team, String region, YearMonth quotaFrom) {
    boolean isInsideSales() {
      return team.equals("Inside Sales");
    }
  }

  private final List<SampleRep> reps;

  private SalesForce(List<SampleRep> reps) {
    this.reps = List.copyOf(reps);
  }

  static SalesForce generate(SampleCalendar calendar, NameFactory names) {
    List<SampleRep> reps = new ArrayList<>();
    int number = 1;
    for (String region : REGIONS) {
      String regionTeam = region.charAt(0) + region.substring(1).toLowerCase(java.util.Locale.ROOT) + " Field";
      for (String team : List.of(regionTeam, regionTeam, regionTeam, "Key Accounts", "Inside Sales")) {
        YearMonth quotaFrom = YearMonth.from(calendar.start());
        reps.add(new SampleRep(String.format("R%03d", number), names.personName(), team, region, quotaFrom));
        number++;
      }
    }
    // The last rep joined recently: no quota in the first 3 months of the history.
    SampleRep last = reps.remove(reps.size() - 1);
    reps.add(new SampleRep(last.repId(), last.repName(), last.team(), last.region(), last.quotaFrom().plusMonths(3)));
    return new SalesForce(reps);
  }

  List<SampleRep> reps() {
    return reps;
  }

  /** The pilot's reps: the first two reps of the North Field team. */
  List<String> pilotRepIds() {
    return reps.stream().filter(r -> r.team().equals("North Field")).limit(2).map(SampleRep::repId).toList();
  }

  /** The pilot's start: the first day of the month eight months before the last month. */
  static java.time.LocalDate pilotStart(SampleCalendar calendar) {
    return calendar.end().withDayOfMonth(1).minusMonths(7);
  }

  void writePilots(Path file, SampleCalendar calendar) {
    var printer = CsvTables.open(file, CsvTables.EXCEL, "pilot_id", "rep_id", "start_date", "description");
    for (String repId : pilotRepIds()) {
      CsvTables.printRecord(printer, PILOT_ID, repId, pilotStart(calendar).toString(), PILOT_DESCRIPTION);
    }
    CsvTables.close(printer);
  }

  List<SampleRep> inRegion(String region) {
    return reps.stream().filter(r -> r.region().equals(region)).toList();
  }

  /** A rep of the region who owns accounts (not Inside Sales). */
  SampleRep accountOwner(String region, SplittableRandom random) {
    List<SampleRep> owners = inRegion(region).stream().filter(r -> !r.isInsideSales()).toList();
    return owners.get(random.nextInt(owners.size()));
  }

  SampleRep insideSales(String region) {
    return inRegion(region).stream().filter(SampleRep::isInsideSales).findFirst().orElseThrow();
  }

  void write(Path file) {
    var printer = CsvTables.open(file, CsvTables.UNIX, "rep_id", "rep_name", "team", "region");
    for (SampleRep rep : reps) {
      CsvTables.printRecord(printer, rep.repId(), rep.repName(), rep.team(), rep.region());
    }
    CsvTables.close(printer);
  }
}
