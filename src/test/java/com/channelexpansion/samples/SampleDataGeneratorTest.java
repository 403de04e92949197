package com.channelexpansion.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generator on a small set and checks determinism, file shapes and planted rows. */
class SampleDataGeneratorTest {

  private static final int SMALL = 4_000;
  private static final LocalDate END = LocalDate.of(2026, 10, 31);

  @TempDir static Path small;
  private static GenerationSummary smallSummary;

  @BeforeAll
  static void generateSmallSet() {
    smallSummary = SampleDataGenerator.generate(new GeneratorOptions(small, SMALL, 7L, END));
  }

  @Test
  void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
    SampleDataGenerator.generate(new GeneratorOptions(again, SMALL, 7L, END));
    Map<String, byte[]> first = contents(small);
    Map<String, byte[]> second = contents(again);
    assertEquals(first.keySet(), second.keySet(), "same file names");
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), "same bytes in " + name);
    }
  }

  @Test
  void anotherSeedGivesOtherOrders(@TempDir Path other) throws IOException {
    SampleDataGenerator.generate(new GeneratorOptions(other, SMALL, 8L, END));
    Path file = Path.of("exports", "2026", "orders-2026-10-30.csv");
    assertNotEquals(
        Files.readString(small.resolve(file)), Files.readString(other.resolve(file)), "a seed changes the data");
  }

  @Test
  void everyExportFileHasTheRequiredColumnsInAnyCaseOrOrder() throws IOException {
    List<Path> files = exportFilesToRead(small);
    assertEquals(smallSummary.filesToRead(), files.size() - smallSummary.headerlessFiles().size());
    int withBom = 0;
    int withCrlf = 0;
    int reordered = 0;
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        continue; // the export that crashed: no header
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        withBom++;
        text = text.substring(1);
      }
      String headerLine = text.substring(0, text.indexOf('\n'));
      if (headerLine.endsWith("\r")) {
        withCrlf++;
        headerLine = headerLine.substring(0, headerLine.length() - 1);
      }
      List<String> header =
          Stream.of(headerLine.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      List<String> required = new ArrayList<>(OrderLine.COLUMNS);
      if (file.getFileName().toString().contains("manual-fix")) {
        required.remove("currency"); // the planted file whose header lost a required column
        assertFalse(header.contains("currency"), file.toString());
      }
      assertTrue(header.containsAll(required), file + " has every column: " + header);
      if (!header.subList(0, 2).equals(List.of("order_id", "line_number"))) {
        reordered++;
      }
    }
    assertTrue(withBom > 0, "some files start with a BOM");
    assertTrue(withCrlf > 0, "some files use CRLF");
    assertTrue(reordered > 0, "some files have another column order");
  }

  @Test
  void everyRejectReasonIsPlantedBelowTheGate() {
    for (RejectReason reason : RejectReason.values()) {
      assertTrue(smallSummary.rejected(reason) > 0, reason.code() + " planted");
    }
    // 4,000 lines: 1 row per reason (round(4000 * 0.0003) = 1), plus the singletons: invalid UTF-8
    // and unterminated quote (malformed_row) and the 2 rows of the file without currency column.
    assertEquals(3, smallSummary.rejected(RejectReason.MALFORMED_ROW));
    assertEquals(3, smallSummary.rejected(RejectReason.MISSING_REQUIRED_FIELD));
    assertEquals(1, smallSummary.rejected(RejectReason.NEGATIVE_PRICE));
    assertEquals(11, smallSummary.rejected());
    assertEquals(smallSummary.records(), smallSummary.accepted() + smallSummary.rejected());
  }

  @Test
  void unknownSourcesFoundByRereadingMatchTheSummary() throws IOException {
    long unknownSources = 0;
    for (Path file : exportFilesToRead(small)) {
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        for (String code : List.of("FAX", "TELEX", "MARKETPLACE", "fax")) {
          if (line.contains("," + code + ",")) {
            unknownSources++;
          }
        }
      }
    }
    assertEquals(smallSummary.rejected(RejectReason.UNKNOWN_ORDER_SOURCE), unknownSources);
  }

  @Test
  void skippedAndQuirkyFilesArePresent() throws IOException {
    for (String skipped : smallSummary.skippedFiles()) {
      assertTrue(Files.exists(small.resolve("exports").resolve(skipped)), skipped);
    }
    assertEquals(3, smallSummary.skippedFiles().size());
    assertEquals(0, Files.size(small.resolve("exports/2023/orders-2023-12-25.csv")), "no header at all");
    try (Stream<Path> walk = Files.walk(small.resolve("exports"))) {
      assertTrue(walk.anyMatch(p -> p.toString().endsWith(".CSV")), "an upper-case suffix");
    }
    long unterminated = 0;
    for (Path file : exportFilesToRead(small)) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1).stripTrailing();
      String lastLine = text.substring(text.lastIndexOf('\n') + 1);
      // The last record opens a quoted field (,") that nothing closes.
      if (lastLine.contains(",\"") && lastLine.chars().filter(c -> c == '"').count() == 1) {
        unterminated++;
      }
    }
    assertEquals(1, unterminated, "one file ends in an unterminated quote");
  }

  @Test
  void referenceAndConfigFilesParseWithTheirHeaders() throws IOException {
    List<CSVRecord> accounts = read(small.resolve("reference/accounts.csv"), "customer_id", "customer_name", "owner_rep_id", "region");
    assertEquals(CustomerBase.ACCOUNT_COUNT, accounts.stream().filter(r -> r.get(0).startsWith("C")).count());
    assertTrue(accounts.stream().anyMatch(r -> r.get("owner_rep_id").isEmpty()), "some accounts have no owner");
    assertTrue(accounts.stream().anyMatch(r -> r.get("region").isEmpty()), "some accounts have no region");
    List<CSVRecord> reps = read(small.resolve("reference/reps.csv"), "rep_id", "rep_name", "team", "region");
    assertEquals(20, reps.size());
    // 20 reps x 36 months (2023-11 .. 2026-10)
    assertEquals(720, read(small.resolve("reference/quotas.csv"), "rep_id", "month", "quota_amount").size());
    List<CSVRecord> fx = read(small.resolve("reference/fx_rates.csv"), "rate_date", "currency", "rate_to_reporting");
    assertEquals(10, new BigDecimal(fx.get(0).get("rate_to_reporting")).scale());
    assertTrue(LocalDate.parse(fx.get(0).get("rate_date")).isBefore(LocalDate.of(2023, 11, 1)));
    assertEquals(END.minusDays(1), LocalDate.parse(fx.get(fx.size() - 1).get("rate_date")), "last weekday (Friday)");

    Map<String, String> settings = new TreeMap<>();
    read(small.resolve("config/settings.csv"), "key", "value").forEach(r -> settings.put(r.get(0), r.get(1)));
    assertEquals("2025-05-01", settings.get("program_start"));
    assertEquals("America/Chicago", settings.get("time_zone"));
    assertEquals(7, read(small.resolve("config/channel-definitions.csv"), "order_source", "channel_group", "definition").size());
    List<CSVRecord> plans =
        read(small.resolve("config/commission-plans.csv"), "plan_id", "effective_from", "effective_to",
            "order_channel", "segment", "rate", "counts_toward_quota");
    assertEquals(5, plans.size());
    assertEquals(6, read(small.resolve("config/commission-tiers.csv"), "plan_id", "min_attainment", "multiplier").size());
  }

  private static List<CSVRecord> read(Path file, String... header) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
      try (Reader again = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        assertEquals(List.of(header), CSVFormat.DEFAULT.parse(again).iterator().next().toList(), "header of " + file);
      }
      return records;
    }
  }

  /** Every *.csv below exports/ not under a name starting with . or _ (the empty one included). */
  static List<Path> exportFilesToRead(Path root) throws IOException {
    Path exports = root.resolve("exports");
    try (Stream<Path> walk = Files.walk(exports)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .filter(p -> Stream.of(exports.relativize(p).toString().split("/")).noneMatch(n -> n.startsWith(".") || n.startsWith("_")))
          .sorted()
          .toList();
    }
  }

  static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
