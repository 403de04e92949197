package com.channelexpansion.config;

import static com.channelexpansion.config.ConfigFixtures.assertProblem;
import static com.channelexpansion.config.ConfigFixtures.lines;
import static com.channelexpansion.config.ConfigFixtures.validConfig;
import static com.channelexpansion.config.ConfigFixtures.with;
import static com.channelexpansion.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionsLoaderTest {

  private static final String PLANS_HEADER =
      "plan_id,effective_from,effective_to,order_channel,segment,rate,counts_toward_quota";

  @TempDir Path dir;

  private Definitions load(Map<String, String> files) {
    return DefinitionsLoader.load(write(dir, files));
  }

  private Definitions loadWith(String file, String text) {
    return load(with(validConfig(), file, text));
  }

  @Test
  void loadsAValidConfigSavedFromExcel() {
    Definitions d = load(validConfig());

    Settings s = d.settings();
    assertEquals("USD", s.reportingCurrency()); // " usd " trimmed and upper-cased
    assertEquals(ZoneId.of("Europe/Paris"), s.timeZone()); // key "Time_Zone" ignores case
    assertEquals(LocalDate.of(2024, 1, 1), s.programStart());
    assertEquals(0, new BigDecimal("0.01").compareTo(s.maxRejectRatio()));
    assertFalse(s.quoteConvertsToAssisted()); // "No"
    assertEquals("STD-2024", s.baselinePlan());

    assertEquals(
        List.of(
            new ChannelDefinition(
                "WEB", Channel.ONLINE, "Orders placed on the web shop, by the customer"),
            new ChannelDefinition("EDI", Channel.ONLINE, "Orders sent by the customer's ERP"),
            new ChannelDefinition(
                "PHONE", Channel.SALES_ASSISTED, "A rep keyed the order in \"by phone\"")),
        d.channelDefinitions());

    List<CommissionPlanRow> plans = d.commissionPlans();
    assertEquals(5, plans.size());
    assertEquals(
        new CommissionPlanRow(
            "STD-2024", null, LocalDate.of(2024, 12, 31), null, null, new BigDecimal("0.02"), true, 2),
        plans.get(0));
    assertEquals(
        new CommissionPlanRow(
            "STD-2024", LocalDate.of(2025, 1, 1), null, null, null, new BigDecimal("0.025"), true, 3),
        plans.get(1));
    assertEquals(
        new CommissionPlanRow(
            "STD-2024", null, null, Channel.ONLINE, Segment.NEW_ONLINE, new BigDecimal("0.05"), true, 4),
        plans.get(2));
    assertEquals(
        new CommissionPlanRow(
            "ALT", LocalDate.of(2024, 1, 1), null, Channel.ONLINE, null, new BigDecimal("0.01"), false, 5),
        plans.get(3));
    // counts_toward_quota empty = false
    assertEquals(
        new CommissionPlanRow(
            "ALT", LocalDate.of(2024, 1, 1), null, Channel.SALES_ASSISTED, null, new BigDecimal("0.03"), false, 6),
        plans.get(4));

    assertEquals(
        List.of(
            new CommissionTier("STD-2024", new BigDecimal("0"), new BigDecimal("1")),
            new CommissionTier("STD-2024", new BigDecimal("1.0"), new BigDecimal("1.5")),
            new CommissionTier("STD-2024", new BigDecimal("0.5"), new BigDecimal("1.0")),
            new CommissionTier("ALT", new BigDecimal("1.2"), new BigDecimal("2.0000"))),
        d.commissionTiers());
  }

  @Test
  void emptyOrAbsentSettingsTakeTheirDefaults() {
    Settings s =
        loadWith(
                "settings.csv",
                lines(
                    "key,value",
                    "reporting_currency,",
                    "time_zone,  ",
                    "program_start,2023-06-15",
                    "max_reject_ratio,",
                    "baseline_plan,"))
            .settings();
    assertEquals(
        new Settings("USD", ZoneId.of("UTC"), LocalDate.of(2023, 6, 15), new BigDecimal("0.005"), true, null),
        s);
  }

  @Test
  void timeZoneCaseIsForgivenAndOffsetsWork() {
    assertEquals(
        ZoneId.of("America/New_York"),
        loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "time_zone,america/new_york"))
            .settings()
            .timeZone());
    assertEquals(
        ZoneId.of("+02:00"),
        loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "time_zone,+02:00"))
            .settings()
            .timeZone());
  }

  @Test
  void emptyPlansAndTiersAreAllowedWhenNoBaselineIsNamed() {
    Definitions d =
        load(
            with(
                with(
                    with(validConfig(), "settings.csv", lines("key,value", "program_start,2024-01-01")),
                    "commission-plans.csv",
                    lines(PLANS_HEADER)),
                "commission-tiers.csv",
                lines("plan_id,min_attainment,multiplier")));
    assertTrue(d.commissionPlans().isEmpty());
    assertTrue(d.commissionTiers().isEmpty());
    assertNull(d.settings().baselinePlan());
  }

  // ------------------------------------------------------------- files and columns

  @Test
  void missingFile() throws Exception {
    write(dir, validConfig());
    Files.delete(dir.resolve("commission-tiers.csv"));
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> DefinitionsLoader.load(dir));
    assertTrue(e.getMessage().startsWith("commission-tiers.csv: cannot read file: not found"), e.getMessage());
  }

  @Test
  void missingColumn() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines("plan_id,effective_from,effective_to,order_channel,segment,counts_toward_quota")),
        "commission-plans.csv",
        1,
        "missing column rate");
  }

  // ------------------------------------------------------------- settings

  @Test
  void duplicateSettingKeyIgnoringCase() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "TIME_ZONE,UTC", "time_zone,Europe/Paris")),
        "settings.csv",
        4,
        "duplicate setting time_zone (first set on line 3)");
  }

  @Test
  void unknownSettingKeyIsAnError() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "time_zon,Europe/Paris")),
        "settings.csv",
        3,
        "unknown setting \"time_zon\"");
  }

  @Test
  void programStartAbsentIsReportedAtTheHeader() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "time_zone,UTC")),
        "settings.csv",
        1,
        "program_start is not set: it has no default");
  }

  @Test
  void programStartEmptyIsReportedAtItsLine() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "time_zone,UTC", "program_start, ")),
        "settings.csv",
        3,
        "program_start is not set");
  }

  @Test
  void programStartNotADate() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,01/02/2024")),
        "settings.csv",
        2,
        "program_start \"01/02/2024\" is not a date (expected yyyy-MM-dd");
  }

  @Test
  void badTimeZone() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "time_zone,Paris")),
        "settings.csv",
        3,
        "time_zone \"Paris\" is not a time zone");
  }

  @Test
  void badReportingCurrency() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "reporting_currency,US$", "program_start,2024-01-01")),
        "settings.csv",
        2,
        "reporting_currency \"US$\" is not a currency code");
  }

  @Test
  void maxRejectRatioMustBeANumberBetweenZeroAndOne() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "max_reject_ratio,0.5%")),
        "settings.csv",
        3,
        "max_reject_ratio \"0.5%\" is not a number");
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "max_reject_ratio,5")),
        "settings.csv",
        3,
        "max_reject_ratio 5 must be between 0 and 1");
  }

  @Test
  void badBooleanSetting() {
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "quote_converts_to_assisted,sometimes")),
        "settings.csv",
        3,
        "quote_converts_to_assisted \"sometimes\" is not true/false");
  }

  @Test
  void baselinePlanMustBeAPlan() {
    // ids are case-sensitive: std-2024 is not STD-2024
    assertProblem(
        () -> loadWith("settings.csv", lines("key,value", "program_start,2024-01-01", "baseline_plan,std-2024")),
        "settings.csv",
        3,
        "baseline_plan \"std-2024\" is not a plan of commission-plans.csv (plans: STD-2024, ALT");
  }

  // ------------------------------------------------------------- channel definitions

  @Test
  void duplicateOrderSourceIgnoringCase() {
    assertProblem(
        () -> loadWith("channel-definitions.csv", lines("order_source,channel_group,definition", "WEB,ONLINE,Web shop", "EDI,ONLINE,ERP", "Web,SALES_ASSISTED,Rep on the web")),
        "channel-definitions.csv",
        4,
        "duplicate order_source WEB (first defined on line 2");
  }

  @Test
  void channelGroupMustBeOnlineOrSalesAssisted() {
    assertProblem(
        () -> loadWith("channel-definitions.csv", lines("order_source,channel_group,definition", "WEB,ONLINE,Web shop", "FAX,OFFLINE,Fax orders")),
        "channel-definitions.csv",
        3,
        "channel_group \"OFFLINE\" is not ONLINE or SALES_ASSISTED");
  }

  @Test
  void definitionMustBeWritten() {
    assertProblem(
        () -> loadWith("channel-definitions.csv", lines("order_source,channel_group,definition", "WEB,ONLINE,")),
        "channel-definitions.csv",
        2,
        "definition is empty");
  }

  @Test
  void noChannelDefinitionsAtAll() {
    assertProblem(
        () -> loadWith("channel-definitions.csv", lines("order_source,channel_group,definition")),
        "channel-definitions.csv",
        1,
        "no order sources are defined");
  }

  // ------------------------------------------------------------- commission plans

  @Test
  void planRowWithUnknownChannel() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,ONLINE,*,0.01,true", "P,,,WEB,*,0.01,true")),
        "commission-plans.csv",
        3,
        "unknown order_channel \"WEB\"");
  }

  @Test
  void planRowWithUnknownSegment() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,ONLINE,NEW,0.01,true")),
        "commission-plans.csv",
        2,
        "unknown segment \"NEW\"");
  }

  @Test
  void planRowCannotNameTheSegmentOfUnidentifiedLines() {
    // UNIDENTIFIED lines match only rows whose segment is *: no row may single them out.
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,ONLINE,UNIDENTIFIED,0.01,true")),
        "commission-plans.csv",
        2,
        "unknown segment \"UNIDENTIFIED\"");
  }

  @Test
  void overlappingRowsOfOnePlanWithTheSameChannelAndSegment() {
    // line 2 runs to 2024-06-30 inclusive, line 3 starts on 2024-06-30: they share that day.
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER,
            "P,,2024-06-30,online,*,0.01,true",
            "P,2024-06-30,,ONLINE,*,0.02,true")),
        "commission-plans.csv",
        3,
        "plan P has two rows for order_channel ONLINE and segment * in force on the same days: "
            + "2024-06-30 to (open end) overlaps (open start) to 2024-06-30 of line 2");
  }

  @Test
  void openRangesOverlapEverything() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER,
            "P,2020-01-01,2020-12-31,*,EXISTING,0.01,true",
            "Q,,,*,EXISTING,0.01,true",
            "P,,,*,existing,0.02,true")),
        "commission-plans.csv",
        4,
        "overlaps 2020-01-01 to 2020-12-31 of line 2");
  }

  @Test
  void sameDatesAreFineForOtherPlansChannelsOrSegments() {
    Definitions d =
        load(
            with(
                with(validConfig(), "commission-plans.csv", lines(PLANS_HEADER,
                    "STD-2024,,,ONLINE,*,0.01,true",
                    "STD-2024,,,SALES_ASSISTED,*,0.01,true",
                    "STD-2024,,,ONLINE,EXISTING,0.01,true",
                    "STD-2024,,,*,*,0.01,true",
                    "Q,,,ONLINE,*,0.01,true",
                    "STD-2024,,2019-12-31,*,NEW_ONLINE,0.01,true",
                    "STD-2024,2020-01-01,,*,NEW_ONLINE,0.01,true")),
                "commission-tiers.csv",
                lines("plan_id,min_attainment,multiplier")));
    assertEquals(7, d.commissionPlans().size());
  }

  @Test
  void effectiveFromAfterEffectiveTo() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,2024-07-01,2024-06-30,*,*,0.01,true")),
        "commission-plans.csv",
        2,
        "effective_from 2024-07-01 is after effective_to 2024-06-30");
  }

  @Test
  void negativeRate() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,*,*,-0.01,true")),
        "commission-plans.csv",
        2,
        "negative rate -0.01");
  }

  @Test
  void minusZeroRateIsNotNegative() {
    Definitions d =
        load(
            with(
                with(validConfig(), "commission-plans.csv", lines(PLANS_HEADER, "STD-2024,,,*,*,-0,true")),
                "commission-tiers.csv",
                lines("plan_id,min_attainment,multiplier")));
    assertEquals(0, d.commissionPlans().get(0).rate().signum());
  }

  @Test
  void rateAboveOneIsTakenForAPercentage() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,*,*,5,true")),
        "commission-plans.csv",
        2,
        "rate 5 is more than 1");
  }

  @Test
  void badPlanValues() {
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,*,*,0.0123456,true")),
        "commission-plans.csv", 2, "rate \"0.0123456\" has more than 6 decimals");
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,2024-1-1,,*,*,0.01,true")),
        "commission-plans.csv", 2, "effective_from \"2024-1-1\" is not a date");
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,*,*,0.01,Y")),
        "commission-plans.csv", 2, "counts_toward_quota \"Y\" is not true/false");
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, "P,,,,*,0.01,true")),
        "commission-plans.csv", 2, "order_channel is empty");
    assertProblem(
        () -> loadWith("commission-plans.csv", lines(PLANS_HEADER, ",,,*,*,0.01,true")),
        "commission-plans.csv", 2, "plan_id is empty");
  }

  // ------------------------------------------------------------- commission tiers

  @Test
  void multipliersMustNotFallAsAttainmentRises() {
    // sorted: 0 -> 1, 1.0 -> 1.5, 1.2 -> 1.4: the 1.2 row (line 4) falls below the 1.0 row (line 3)
    assertProblem(
        () -> loadWith("commission-tiers.csv", lines("plan_id,min_attainment,multiplier",
            "STD-2024,0,1", "STD-2024,1.0,1.5", "STD-2024,1.2,1.4")),
        "commission-tiers.csv",
        4,
        "multipliers of plan STD-2024 fall as min_attainment rises: multiplier 1.4 at min_attainment 1.2"
            + " is below multiplier 1.5 at min_attainment 1.0 (line 3)");
  }

  @Test
  void tiersForAPlanNotInThePlans() {
    assertProblem(
        () -> loadWith("commission-tiers.csv", lines("plan_id,min_attainment,multiplier", "STD-2024,0,1", "std-2024,1,2")),
        "commission-tiers.csv",
        3,
        "tier for plan \"std-2024\", which commission-plans.csv does not list");
  }

  @Test
  void duplicateTierComparesAttainmentAsANumber() {
    assertProblem(
        () -> loadWith("commission-tiers.csv", lines("plan_id,min_attainment,multiplier", "STD-2024,1,1.2", "ALT,1,1", "STD-2024,1.00,1.3")),
        "commission-tiers.csv",
        4,
        "duplicate tier: plan STD-2024 already has min_attainment 1.00 on line 2");
  }

  @Test
  void negativeMultiplier() {
    assertProblem(
        () -> loadWith("commission-tiers.csv", lines("plan_id,min_attainment,multiplier", "STD-2024,0,-0.5")),
        "commission-tiers.csv",
        2,
        "negative multiplier -0.5");
  }

  @Test
  void multiplierHasAtMostFourDecimals() {
    assertProblem(
        () -> loadWith("commission-tiers.csv", lines("plan_id,min_attainment,multiplier", "STD-2024,0,1.00001")),
        "commission-tiers.csv",
        2,
        "multiplier \"1.00001\" has more than 4 decimals");
  }
}
