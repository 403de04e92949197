package com.channelexpansion.ingest;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The data-quality gate (PRODUCT.md rule 12): a run whose rejected rows exceed max_reject_ratio of
 * the rows it read cannot be trusted and publishes nothing. A ratio equal to the limit passes; a
 * run that reads no rows passes. Compared exactly (rejected > limit * read), never in floating
 * point, so a ratio on the limit is never misjudged.
 */
public final class DataQualityGate {
  private DataQualityGate() {}

  /** The verdict on one run's counts. */
  public record Verdict(boolean passed, long rowsRead, long rowsRejected, BigDecimal maxRejectRatio) {
    /** The one line a failed run prints, e.g. "Cannot publish: 12 of 1000 rows rejected ...". */
    public String message() {
      BigDecimal ratio =
          rowsRead == 0
              ? BigDecimal.ZERO
              : BigDecimal.valueOf(rowsRejected)
                  .divide(BigDecimal.valueOf(rowsRead), new MathContext(4));
      return String.format(
          "Cannot publish: data-quality gate failed: %d of %d rows rejected (ratio %s > max_reject_ratio %s)",
          rowsRejected, rowsRead, ratio.toPlainString(), maxRejectRatio.toPlainString());
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
}
