package com.channelexpansion.config;

/** The two channel groups an order source maps to (PRODUCT.md, channel definitions). */
public enum Channel {
  ONLINE,
  SALES_ASSISTED
}
