package com.channelexpansion.valuecase;

/**
 * A customer's channel state over its state window (PRODUCT.md, "Customer channel states");
 * {@link #NOT_YET_CUSTOMER} appears only as state_transitions.csv's from_state.
 */
public enum ChannelState {
  SALES_ONLY,
  HYBRID,
  DIGITAL_FIRST,
  INACTIVE,
  NOT_YET_CUSTOMER
}
