package com.channelexpansion.ingest.validate;

/**
 * Why a row was rejected (PRODUCT.md rule 1). Declared in precedence order: when several apply,
 * a row gets the first.
 */
public enum RejectReason {
  MALFORMED_ROW,
  MISSING_REQUIRED_FIELD,
  INVALID_NUMBER,
  INVALID_TIMESTAMP,
  NEGATIVE_PRICE,
  UNKNOWN_ORDER_SOURCE,
  MISSING_FX_RATE;

  /** The code written in rejects/ and the manifest, e.g. {@code missing_fx_rate}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
