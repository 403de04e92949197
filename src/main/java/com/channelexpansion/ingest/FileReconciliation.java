package com.channelexpansion.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one export file brought: rows read = rows accepted + rows rejected, by reason. The manifest
 * lists one per file, so a user can see that nothing was dropped silently. surchargedOrders counts
 * the accepted orders whose order-level discount is negative (a surcharge spread over the lines).
 */
public record FileReconciliation(
    String sourceFile, long sizeBytes, String sha256, long rowsRead, long rowsAccepted,
    Map<String, Long> rejectedByReason, long surchargedOrders) {

  public long rowsRejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Sum of rejected rows by reason over all files, sorted by reason. */
  public static Map<String, Long> totalByReason(Iterable<FileReconciliation> files) {
    Map<String, Long> total = new TreeMap<>();
    for (FileReconciliation file : files) {
      file.rejectedByReason().forEach((reason, n) -> total.merge(reason, n, Long::sum));
    }
    return total;
  }
}
