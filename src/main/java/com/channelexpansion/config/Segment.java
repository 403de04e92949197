package com.channelexpansion.config;

/** Customer segments of PRODUCT.md rule 8. */
public enum Segment {
  EXISTING,
  NEW_ONLINE,
  NEW_SALES_ASSISTED
}
