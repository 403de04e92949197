package com.channelexpansion.warehouse;

/** The rule that decided a line's channel (column {@code channel_rule} of order_lines). */
public enum ChannelRule {
  /** The channel_group of the line's order_source in channel-definitions.csv. */
  ORDER_SOURCE_DEFINITION,
  /** An ONLINE source with a quote_id, counted SALES_ASSISTED because quote_converts_to_assisted. */
  QUOTE_CONVERTED_ONLINE
}
