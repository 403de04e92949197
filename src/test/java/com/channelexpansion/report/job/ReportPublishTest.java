package com.channelexpansion.report.job;

import com.channelexpansion.ingest.formats.SourceFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.DefinitionsLoader;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.ReferenceDataLoader;
import com.channelexpansion.ingest.IngestJob;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.samples.GeneratorOptions;
import com.channelexpansion.samples.SampleDataGenerator;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.warehouse.WarehouseLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The as_of folder is published whole or not at all: a failure mid-way leaves the old one. */
class ReportPublishTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

  @TempDir static Path dir;
  private static Definitions definitions;
  private static ReferenceData reference;
  private static WarehouseLayout warehouse;
  private static Path publishedOnce;

  @BeforeAll
  static void ingestSmallSample() throws IOException {
    Path samples = dir.resolve("samples");
    SampleDataGenerator.generate(
        new GeneratorOptions(samples, 4000, GeneratorOptions.DEFAULT_SEED, GeneratorOptions.DEFAULT_END_DATE));
    definitions = DefinitionsLoader.load(samples.resolve("config"));
    reference =
        ReferenceDataLoader.load(samples.resolve("reference"), definitions.settings().reportingCurrency());
    warehouse = new WarehouseLayout(dir.resolve("warehouse").toString());
    new IngestJob(
            SharedSpark.get(),
            definitions,
            reference,
            samples.resolve("exports").toString(),
            SourceFormats.allCanonical(),
            warehouse,
            "ingest")
        .execute();
  }

  /**
   * A reports folder holding one successful first report, made once: a test that changes it
   * works on its own copy (a reports folder names no absolute path).
   */
  private static Path publishedOnce() throws IOException {
    if (publishedOnce == null) {
      Path reports = dir.resolve("reports-published-once");
      job(reports, "first").execute(Map.of());
      publishedOnce = reports;
    }
    return publishedOnce;
  }

  private static Path copyOfPublishedOnce(String name) throws IOException {
    Path copy = dir.resolve(name);
    SmallSamples.copyTree(publishedOnce(), copy, file -> true);
    return copy;
  }

  private static ReportJob job(Path reports, String runId) {
    return new ReportJob(
        SharedSpark.get(), definitions, reference, warehouse, new ReportsLayout(reports.toString()), AS_OF, runId);
  }

  @Test
  void failureAfterSomeOutputsLeavesThePreviousFolderUntouched() throws IOException {
    Path reports = copyOfPublishedOnce("reports");
    Path published = reports.resolve("as_of=" + AS_OF);
    Map<String, byte[]> before = snapshot(published);
    assertTrue(before.containsKey("_SUCCESS"));

    IllegalStateException crash =
        assertThrows(
            IllegalStateException.class,
            () ->
                job(reports, "second")
                    .afterEachOutput(
                        output -> {
                          if (output.equals(ReportJob.COMMISSIONS)) {
                            throw new IllegalStateException("injected failure after " + output);
                          }
                        })
                    .execute(Map.of()));
    assertEquals("injected failure after commissions", crash.getMessage());

    Map<String, byte[]> after = snapshot(published);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(file)), file));
    assertFalse(Files.exists(reports.resolve("_staging/second")), "no partial folder left behind");
  }

  @Test
  void firstRunThatFailsPublishesNothing() throws IOException {
    Path reports = dir.resolve("reports-empty");
    assertThrows(
        IllegalStateException.class,
        () ->
            job(reports, "only")
                .afterEachOutput(
                    output -> {
                      if (output.equals(ReportJob.MANIFEST)) {
                        throw new IllegalStateException("crash before _SUCCESS");
                      }
                    })
                .execute(Map.of()));
    assertFalse(Files.exists(reports.resolve("as_of=" + AS_OF)));
  }

  @Test
  void rerunForTheSameDateReplacesTheFolderWhole() throws IOException {
    Path reports = copyOfPublishedOnce("reports-rerun");
    Path stale = reports.resolve("as_of=" + AS_OF).resolve("stale-file.txt");
    Files.writeString(stale, "left by an older version");
    job(reports, "two").execute(Map.of());
    assertFalse(Files.exists(stale), "the old folder is replaced, not merged");
    assertTrue(Files.exists(reports.resolve("as_of=" + AS_OF).resolve("_SUCCESS")));
  }

  @Test
  void manifestListsThePartFilesOfEachTable() throws IOException {
    Path published = publishedOnce().resolve("as_of=" + AS_OF);
    JsonNode outputFiles =
        new ObjectMapper().readTree(published.resolve(ReportJob.MANIFEST).toFile()).path("report").path("output_files");
    List<String> tables = new ArrayList<>();
    outputFiles.fieldNames().forEachRemaining(tables::add);
    assertEquals(
        List.of(ReportJob.CHANNEL_STATES_MONTHLY, ReportJob.COMMISSIONS, ReportJob.CUSTOMERS,
            ReportJob.REVENUE_MONTHLY, ReportJob.TEAM_SUMMARY),
        tables);
    for (String table : tables) {
      Map<String, Long> listed = new TreeMap<>();
      outputFiles.path(table).forEach(file -> listed.put(file.path("path").asText(), file.path("bytes").asLong()));
      Map<String, Long> onDisk = new TreeMap<>();
      // Beside the part files a folder may hold only hidden checksums and Spark's markers.
      for (String file : SmallSamples.files(published.resolve(table))) {
        if (!file.startsWith(".") && !file.startsWith("_")) {
          onDisk.put(table + "/" + file, Files.size(published.resolve(table).resolve(file)));
        }
      }
      assertFalse(listed.isEmpty(), table);
      assertEquals(onDisk, listed, table);
    }
  }

  private static Map<String, byte[]> snapshot(Path folder) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
