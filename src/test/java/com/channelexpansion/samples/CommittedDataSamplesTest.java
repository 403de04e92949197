package com.channelexpansion.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed data-samples/ folder is exactly what the generator writes with its defaults (so
 * nobody hand-edits it and it never goes stale), stays under 20 MB, and holds the planted rows
 * its README lists.
 */
class CommittedDataSamplesTest {

  private static final Path COMMITTED = Path.of("data-samples");
  private static final String REGENERATE =
      "regenerate: mvn -B -q -o package -DskipTests && java -cp target/classes:target/test-classes:$(cat target/classpath.txt) "
          + "com.channelexpansion.samples.SampleDataGenerator --out data-samples";

  @TempDir static Path fresh;
  private static GenerationSummary summary;

  @BeforeAll
  static void generateDefaults() {
    summary = SampleDataGenerator.generate(GeneratorOptions.defaults().withOut(fresh));
  }

  @Test
  void defaultRunPlantsTheCountsTheReadmeLists() {
    assertEquals(1096, summary.filesToRead());
    assertEquals(119_616, summary.records());
    // round(120000 * 0.0003) = 36 rows per reason, plus 2 singletons (invalid UTF-8, unterminated
    // quote) for malformed_row and the 2 rows of the file without a currency column.
    Map<RejectReason, Long> expected =
        Map.of(
            RejectReason.MALFORMED_ROW, 38L,
            RejectReason.MISSING_REQUIRED_FIELD, 38L,
            RejectReason.INVALID_NUMBER, 36L,
            RejectReason.INVALID_TIMESTAMP, 36L,
            RejectReason.NEGATIVE_PRICE, 36L,
            RejectReason.UNKNOWN_ORDER_SOURCE, 36L,
            RejectReason.MISSING_FX_RATE, 36L);
    assertEquals(expected, summary.rejectsByReason());
    assertEquals(256, summary.rejected());
    assertEquals(119_360, summary.accepted());
    assertEquals(5_602, summary.duplicates());
    // 256 / 119616 = 0.00214: well under the 0.005 gate
    assertTrue(summary.rejected() * 1000 < summary.records() * 5);
  }

  @Test
  void committedFolderIsExactlyTheDefaultRun() throws IOException {
    assertTrue(Files.isDirectory(COMMITTED), "data-samples/ is missing; " + REGENERATE);
    Map<String, byte[]> expected = SampleDataGeneratorTest.contents(fresh);
    Map<String, byte[]> actual = SampleDataGeneratorTest.contents(COMMITTED);
    actual.remove(".gitattributes");
    assertEquals(expected.keySet(), actual.keySet(), "data-samples/ file list is stale; " + REGENERATE);
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), name + " differs from the generator; " + REGENERATE);
    }
  }

  @Test
  void committedFolderStaysUnder20Megabytes() throws IOException {
    long bytes = SampleDataGeneratorTest.contents(fresh).values().stream().mapToLong(b -> b.length).sum();
    assertTrue(bytes < 20L * 1024 * 1024, "data-samples is " + bytes + " bytes");
  }
}
