package com.channelexpansion.samples;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate: where, how much, from which seed, up to which day.
 *
 * @param out folder that receives exports/, reference/, config/ and README.md
 * @param lines approximate number of export records (re-exports and bad rows included)
 * @param seed seed of every random choice: the same options give byte-identical files
 * @param endDate last day of order history (the history covers the 3 years ending on it)
 */
public record GeneratorOptions(Path out, int lines, long seed, LocalDate endDate) {

  /** Default size: keeps data-samples/ well under 20 MB. */
  public static final int DEFAULT_LINES = 120_000;

  public static final long DEFAULT_SEED = 20261031L;
  public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 10, 31);
  public static final Path DEFAULT_OUT = Path.of("data-samples");

  public GeneratorOptions {
    if (lines < 1_000) {
      throw new IllegalArgumentException(
          "Cannot generate samples: --lines must be at least 1000 (got " + lines + ")");
    }
  }

  /** The options behind the committed data-samples/ folder. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(DEFAULT_OUT, DEFAULT_LINES, DEFAULT_SEED, DEFAULT_END_DATE);
  }

  public GeneratorOptions withOut(Path newOut) {
    return new GeneratorOptions(newOut, lines, seed, endDate);
  }
}
