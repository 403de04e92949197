package com.channelexpansion.ingest.formats;

import java.util.Locale;

/**
 * Why a valid line is set aside as "no sale" by its source format. An excluded line is kept in
 * order_lines with {@code order_status} = {@link #status()} and is_cancelled true, so it counts
 * nowhere (PRODUCT.md rule 6) while the reason stays visible. (Turning it into a reject instead
 * needs a RejectReason constant; see docs/formats.md.)
 */
public enum Exclusion {
  /** A Shopify staff draft order whose Total is zero: a replacement, a sample or a test order. */
  EXCLUDED_ZERO_VALUE_DRAFT;

  /** The code, e.g. {@code excluded_zero_value_draft}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The order_status an excluded line gets: the code upper-cased. */
  public String status() {
    return name();
  }
}
