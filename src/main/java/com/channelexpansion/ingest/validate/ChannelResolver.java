package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.warehouse.ChannelRule;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The channel of a line (PRODUCT.md rule 4): the channel_group of its order_source (codes ignore
 * case); an ONLINE line with a quote_id is SALES_ASSISTED when quote_converts_to_assisted is on
 * (a rep's quote closed online), and the decision records which rule applied.
 */
public final class ChannelResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A line's channel and the rule that decided it. */
  public record Decision(Channel channel, ChannelRule rule) implements Serializable {}

  private final HashMap<String, Channel> groupBySource = new HashMap<>();
  private final boolean quoteConvertsToAssisted;

  /**
   * @param definitions rows of channel-definitions.csv
   * @param quoteConvertsToAssisted the setting quote_converts_to_assisted
   * @throws IllegalArgumentException when two definitions name one order_source
   */
  public ChannelResolver(List<ChannelDefinition> definitions, boolean quoteConvertsToAssisted) {
    this.quoteConvertsToAssisted = quoteConvertsToAssisted;
    for (ChannelDefinition definition : definitions) {
      String source = definition.orderSource().toUpperCase(Locale.ROOT);
      if (groupBySource.put(source, definition.channelGroup()) != null) {
        throw new IllegalArgumentException(
            "Cannot map order sources: two channel definitions for " + source);
      }
    }
  }

  /**
   * @param orderSource the line's order_source, any case
   * @param quoteId the line's quote_id, null when empty
   * @return the decision, or empty when the order source has no definition
   */
  public Optional<Decision> resolve(String orderSource, String quoteId) {
    Channel group = groupBySource.get(orderSource.toUpperCase(Locale.ROOT));
    if (group == null) {
      return Optional.empty();
    }
    if (group == Channel.ONLINE && quoteId != null && quoteConvertsToAssisted) {
      return Optional.of(new Decision(Channel.SALES_ASSISTED, ChannelRule.QUOTE_CONVERTED_ONLINE));
    }
    return Optional.of(new Decision(group, ChannelRule.ORDER_SOURCE_DEFINITION));
  }
}
