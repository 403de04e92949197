package com.channelexpansion.warehouse;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * Customer ids with a meaning of their own (PRODUCT.md "Unidentified customers").
 *
 * <p>{@link #UNIDENTIFIED} stands for "no known customer" in every source: a reader that cannot
 * name the buyer (a Shopify order with no e-mail, company or billing name) writes it as the line's
 * customer_id, and a canonical export may carry it too. Such lines count in revenue, channels,
 * orders, crediting and commissions, but they are nobody's purchases: they make no customer, no
 * acquisition and no segment, and stay out of every customer count.
 */
public final class Customers {
  /** The customer_id of lines with no known customer (exact text, case-sensitive like any id). */
  public static final String UNIDENTIFIED = "UNIDENTIFIED";

  private Customers() {}

  /** True when {@code customerId} names a real customer, i.e. is not {@link #UNIDENTIFIED}. */
  public static Column isIdentified(Column customerId) {
    return customerId.notEqual(lit(UNIDENTIFIED));
  }
}
