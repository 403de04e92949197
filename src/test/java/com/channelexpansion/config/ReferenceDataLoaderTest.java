package com.channelexpansion.config;

import static com.channelexpansion.config.ConfigFixtures.assertProblem;
import static com.channelexpansion.config.ConfigFixtures.lines;
import static com.channelexpansion.config.ConfigFixtures.validReference;
import static com.channelexpansion.config.ConfigFixtures.with;
import static com.channelexpansion.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataLoaderTest {

  private static final String FX_HEADER = "rate_date,currency,rate_to_reporting";

  @TempDir Path dir;

  private ReferenceData load(Map<String, String> files) {
    return ReferenceDataLoader.load(write(dir, files), "USD");
  }

  private ReferenceData loadWith(String file, String text) {
    return load(with(validReference(), file, text));
  }

  @Test
  void loadsValidReferenceDataSavedFromExcel() {
    ReferenceData r = load(validReference());

    // ids are case-sensitive: C001 and c001 are two customers; empty values read as null.
    assertEquals(
        List.of(
            new Account("C001", "Acme GmbH", "R1", "EMEA"),
            new Account("c001", "Acme lower-case id", null, null)),
        r.accounts());
    assertEquals(
        List.of(new Rep("R1", "Ann Example", "Team A", "EMEA"), new Rep("R2", "Bob Example", null, null)),
        r.reps());
    assertEquals(
        List.of(
            new Quota("R1", "2024-07", new BigDecimal("10000")),
            new Quota("R1", "2024-08", new BigDecimal("12000.50")),
            new Quota("R2", "2024-07", new BigDecimal("0"))),
        r.quotas());
    // "eur" upper-cased; the reporting currency's row is allowed with rate 1.
    assertEquals(
        List.of(
            new FxRate(LocalDate.of(2024, 1, 1), "EUR", new BigDecimal("1.0812345678")),
            new FxRate(LocalDate.of(2024, 1, 1), "USD", new BigDecimal("1")),
            new FxRate(LocalDate.of(2024, 1, 2), "EUR", new BigDecimal("1.09"))),
        r.fxRates());
  }

  @Test
  void missingFile() throws Exception {
    write(dir, validReference());
    Files.delete(dir.resolve("reps.csv"));
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ReferenceDataLoader.load(dir, "USD"));
    assertTrue(e.getMessage().startsWith("reps.csv: cannot read file: not found"), e.getMessage());
  }

  @Test
  void missingColumn() {
    assertProblem(
        () -> loadWith("accounts.csv", lines("customer_id,customer_name,region", "C1,Acme,EMEA")),
        "accounts.csv",
        1,
        "missing column owner_rep_id");
  }

  @Test
  void duplicateCustomerId() {
    assertProblem(
        () -> loadWith("accounts.csv", lines("customer_id,customer_name,owner_rep_id,region", "C1,Acme,,", "C2,Beta,,", "C1,Acme again,R1,")),
        "accounts.csv",
        4,
        "duplicate customer_id C1 (first on line 2)");
  }

  @Test
  void duplicateRepId() {
    assertProblem(
        () -> loadWith("reps.csv", lines("rep_id,rep_name,team,region", "R1,Ann,,", "R1,Ann B,,")),
        "reps.csv",
        3,
        "duplicate rep_id R1 (first on line 2)");
  }

  @Test
  void houseIsReserved() {
    assertProblem(
        () -> loadWith("reps.csv", lines("rep_id,rep_name,team,region", "HOUSE,House account,,")),
        "reps.csv",
        2,
        "rep_id HOUSE is reserved");
  }

  @Test
  void emptyIdIsABadValue() {
    assertProblem(
        () -> loadWith("accounts.csv", lines("customer_id,customer_name,owner_rep_id,region", " ,Nameless,,")),
        "accounts.csv",
        2,
        "customer_id is empty");
  }

  @Test
  void duplicateQuotaForRepAndMonth() {
    assertProblem(
        () -> loadWith("quotas.csv", lines("rep_id,month,quota_amount", "R1,2024-07,100", "R2,2024-07,100", "R1,2024-07,200")),
        "quotas.csv",
        4,
        "duplicate quota for rep_id R1 and month 2024-07 (first on line 2)");
  }

  @Test
  void badQuotaValues() {
    assertProblem(
        () -> loadWith("quotas.csv", lines("rep_id,month,quota_amount", "R1,2024-7,100")),
        "quotas.csv", 2, "month \"2024-7\" is not a month (expected yyyy-MM");
    assertProblem(
        () -> loadWith("quotas.csv", lines("rep_id,month,quota_amount", "R1,2024-07,\"10,000\"")),
        "quotas.csv", 2, "quota_amount \"10,000\" is not a number");
    assertProblem(
        () -> loadWith("quotas.csv", lines("rep_id,month,quota_amount", "R1,2024-07,")),
        "quotas.csv", 2, "quota_amount is empty");
  }

  @Test
  void negativeQuotaIsAllowedAndMeansNoQuota() {
    ReferenceData r = loadWith("quotas.csv", lines("rep_id,month,quota_amount", "R1,2024-07,-5"));
    assertEquals(0, new BigDecimal("-5").compareTo(r.quotas().get(0).quotaAmount()));
  }

  @Test
  void duplicateFxRateForDateAndCurrencyIgnoringCase() {
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EUR,1.1", "2024-01-01,eur,1.2")),
        "fx_rates.csv",
        3,
        "duplicate rate for EUR on 2024-01-01 (first on line 2)");
  }

  @Test
  void fxRateMustBeAboveZero() {
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EUR,0")),
        "fx_rates.csv", 2, "rate_to_reporting 0 must be greater than 0");
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EUR,-1.1")),
        "fx_rates.csv", 2, "rate_to_reporting -1.1 must be greater than 0");
  }

  @Test
  void fxRateTakesTenDecimalsNotEleven() {
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EUR,1.08123456789")),
        "fx_rates.csv", 2, "rate_to_reporting \"1.08123456789\" has more than 10 decimals");
  }

  @Test
  void fxRateMustFitDecimal20_10() {
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,XYZ,10000000000")),
        "fx_rates.csv", 2, "rate_to_reporting 10000000000 is too large");
  }

  @Test
  void reportingCurrencyRowOnlyWithRateOne() {
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EUR,1.1", "2024-01-01,usd,1.01")),
        "fx_rates.csv",
        3,
        "USD is the reporting currency: its rate is always 1 (found 1.01");
    // 1.000 is 1
    ReferenceData r = loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,usd,1.000"));
    assertEquals(0, BigDecimal.ONE.compareTo(r.fxRates().get(0).rateToReporting()));
  }

  @Test
  void reportingCurrencyCaseIsIgnoredAndTheOneArgumentFormSkipsOnlyThatCheck() {
    Map<String, String> files =
        with(validReference(), "fx_rates.csv", lines(FX_HEADER, "2024-01-01,USD,1.01"));
    Path written = write(dir, files);
    assertProblem(
        () -> ReferenceDataLoader.load(written, "usd"), "fx_rates.csv", 2, "USD is the reporting currency");
    // Without a reporting currency the row is kept as written (documented weaker check).
    assertEquals(
        0, new BigDecimal("1.01").compareTo(ReferenceDataLoader.load(written).fxRates().get(0).rateToReporting()));
    // ... but every other check still applies.
    write(dir, with(validReference(), "fx_rates.csv", lines(FX_HEADER, "2024-01-01,USD,0")));
    assertProblem(
        () -> ReferenceDataLoader.load(written), "fx_rates.csv", 2, "must be greater than 0");
  }

  @Test
  void badFxValues() {
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EURO,1.1")),
        "fx_rates.csv", 2, "currency \"EURO\" is not a currency code");
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "1/1/2024,EUR,1.1")),
        "fx_rates.csv", 2, "rate_date \"1/1/2024\" is not a date");
    assertProblem(
        () -> loadWith("fx_rates.csv", lines(FX_HEADER, "2024-01-01,EUR,1.1e0")),
        "fx_rates.csv", 2, "rate_to_reporting \"1.1e0\" is not a number");
  }

  @Test
  void unknownOwnerOrQuotaRepIsNotAConfigurationError() {
    // Crediting turns unknown reps into HOUSE with a warning (PRODUCT.md rule 10).
    ReferenceData r =
        load(
            with(
                with(validReference(), "accounts.csv", lines("customer_id,customer_name,owner_rep_id,region", "C1,Acme,R99,")),
                "quotas.csv",
                lines("rep_id,month,quota_amount", "R99,2024-07,100")));
    assertEquals("R99", r.accounts().get(0).ownerRepId());
    assertEquals("R99", r.quotas().get(0).repId());
  }
}
