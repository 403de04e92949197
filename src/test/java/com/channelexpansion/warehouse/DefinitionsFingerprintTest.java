package com.channelexpansion.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Rep;
import com.channelexpansion.config.Settings;
import com.channelexpansion.report.job.ReportState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alias added later must re-credit old lines: ingest's and the report's fingerprints see it. */
class DefinitionsFingerprintTest {
  private static ReferenceData reps(Rep... reps) {
    return new ReferenceData(List.of(new Account("C1", "Acme", "R1", null)), List.of(reps), List.of(), List.of());
  }

  @Test
  void aliasesArePartOfTheCreditingFingerprint() {
    String without = DefinitionsFingerprint.crediting(reps(new Rep("R1", "Ann", null, null)));
    String with =
        DefinitionsFingerprint.crediting(reps(new Rep("R1", "Ann", null, null, List.of("Ann S", "ann"))));
    assertNotEquals(without, with, "adding an alias re-credits");
    assertEquals(
        with,
        DefinitionsFingerprint.crediting(reps(new Rep("R1", "Ann", null, null, List.of("ann", "Ann S")))),
        "the order of a rep's aliases changes no credit");
    assertNotEquals(
        with,
        DefinitionsFingerprint.crediting(
            reps(new Rep("R1", "Ann", null, null), new Rep("R2", "Bob", null, null, List.of("Ann S", "ann")))),
        "the same names on another rep credit differently");
  }

  @Test
  void aReportStartsAfreshWhenAliasesChange() {
    Definitions definitions =
        new Definitions(
            new Settings("USD", ZoneId.of("UTC"), LocalDate.of(2025, 1, 1), new BigDecimal("0.005"), true, null),
            List.of(),
            List.of(),
            List.of());
    assertNotEquals(
        ReportState.fingerprint(definitions, reps(new Rep("R1", "Ann", null, null))),
        ReportState.fingerprint(definitions, reps(new Rep("R1", "Ann", null, null, List.of("Ann S")))));
  }
}
