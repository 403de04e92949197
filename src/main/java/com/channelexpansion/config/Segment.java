package com.channelexpansion.config;

/**
 * Customer segments of PRODUCT.md rule 8, and {@link #UNIDENTIFIED} for the lines of no known
 * customer.
 */
public enum Segment {
  EXISTING,
  NEW_ONLINE,
  NEW_SALES_ASSISTED,
  /**
   * The segment of lines whose customer_id is {@code UNIDENTIFIED}
   * (com.channelexpansion.warehouse.Customers): no customer has it, no segment metric counts it,
   * and a commission plan row cannot name it, so such lines match only rows whose segment is *.
   */
  UNIDENTIFIED;

  /** True for the segments a commission plan row may name (all but {@link #UNIDENTIFIED}). */
  public boolean isPlanSegment() {
    return this != UNIDENTIFIED;
  }
}
