package com.channelexpansion.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data-quality gate (PRODUCT.md rule 12): a run whose rejected rows exceed max_reject_ratio of
 * the rows it read cannot be trusted and publishes nothing. A ratio equal to the limit passes; a
 * run that reads no rows passes. Compared exactly (rejected > limit * read), never in floating
 * point, so a ratio on the limit is never misjudged.
 *
 * <p>Pure: the caller gathers the facts a failure's message names (rejects by reason, the first
 * rejected row) from the staged rows and passes them in.
 */
public final class DataQualityGate {
  /** How many reasons a failure's message names. */
  static final int TOP_REASONS = 3;

  private DataQualityGate() {}

  /**
   * The first rejected row of a run: smallest source_file (by code point), then source_line.
   *
   * @param detail the row's detail, or null when it has none
   */
  public record FirstReject(String sourceFile, long sourceLine, String detail) {}

  /** The verdict on one run's counts. */
  public record Verdict(boolean passed, long rowsRead, long rowsRejected, BigDecimal maxRejectRatio) {
    /**
     * The one line a failed run prints: counts and ratio, the top reasons (most rows first, ties
     * by name), and the first rejected file and line with its detail, e.g. "Cannot publish:
     * data-quality gate failed: 12 of 1000 rows rejected (ratio 0.012 > max_reject_ratio 0.005);
     * top reasons: missing_required_field 9, invalid_number 3; first rejected: exports/a.csv line
     * 17 (customer_id: empty)".
     *
     * @param rejectedByReason rejected rows of the run by reason code
     * @param first the run's first rejected row, or null when it rejected none
     */
    public String message(Map<String, Long> rejectedByReason, FirstReject first) {
      BigDecimal ratio =
          rowsRead == 0
              ? BigDecimal.ZERO
              : BigDecimal.valueOf(rowsRejected)
                  .divide(BigDecimal.valueOf(rowsRead), new MathContext(4));
      StringBuilder message =
          new StringBuilder(
              String.format(
                  "Cannot publish: data-quality gate failed: %d of %d rows rejected"
                      + " (ratio %s > max_reject_ratio %s)",
                  rowsRejected, rowsRead, ratio.toPlainString(), maxRejectRatio.toPlainString()));
      if (!rejectedByReason.isEmpty()) {
        message.append("; top reasons: ").append(topReasons(rejectedByReason));
      }
      if (first != null) {
        message.append("; first rejected: ").append(first.sourceFile())
            .append(" line ").append(first.sourceLine());
        if (first.detail() != null) {
          message.append(" (").append(first.detail()).append(')');
        }
      }
      return message.toString();
    }
  }

  public static Verdict evaluate(long rowsRead, long rowsRejected, BigDecimal maxRejectRatio) {
    boolean passed =
        rowsRead == 0
            || BigDecimal.valueOf(rowsRejected)
                    .compareTo(maxRejectRatio.multiply(BigDecimal.valueOf(rowsRead)))
                <= 0;
    return new Verdict(passed, rowsRead, rowsRejected, maxRejectRatio);
  }

  /** "reason count, ..." for the {@link #TOP_REASONS} largest counts, ties by reason code. */
  private static String topReasons(Map<String, Long> rejectedByReason) {
    return rejectedByReason.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_REASONS)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
