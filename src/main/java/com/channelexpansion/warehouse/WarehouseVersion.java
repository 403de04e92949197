package com.channelexpansion.warehouse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which state of the warehouse a reader sees: what the lines were validated and credited with,
 * and which version of order_lines ({@link OrderLinesDelta}) ingest vouches for. Ingest writes it
 * as part of its ledger ({@code _state/ledger.json}) after its commit to order_lines; readers read
 * only these fields, and read order_lines at {@code orderLinesVersion}, never a later version an
 * interrupted run may have committed.
 *
 * @param validationFingerprint {@link DefinitionsFingerprint#validation} the lines were read with
 * @param creditingFingerprint {@link DefinitionsFingerprint#crediting} they were credited with
 * @param acceptedVersions accepted versions of lines the warehouse holds (duplicates included)
 * @param orderLinesVersion the order_lines version; null before the first ingest (or in a
 *     warehouse of an earlier release, before its first ingest with this one)
 * @param rewrittenAtVersion the version of the last whole rewrite of order_lines; the versions
 *     after it only merged new lines in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseVersion(
    String validationFingerprint,
    String creditingFingerprint,
    long acceptedVersions,
    Long orderLinesVersion,
    Long rewrittenAtVersion) {

  /** Before any ingest. */
  public static WarehouseVersion none() {
    return new WarehouseVersion(null, null, 0, null, null);
  }

  /**
   * True when order_lines went from version {@code earlier} to this one by merges only, so the
   * change feed between the two says everything that changed; false when it was rewritten whole
   * since, or {@code earlier} is not one of its versions.
   */
  public boolean onlyMergedSince(long earlier) {
    return orderLinesVersion != null
        && rewrittenAtVersion != null
        && earlier >= rewrittenAtVersion
        && earlier <= orderLinesVersion;
  }
}
