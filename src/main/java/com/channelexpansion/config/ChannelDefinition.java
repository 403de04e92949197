package com.channelexpansion.config;

import java.io.Serializable;

/**
 * One row of {@code channel-definitions.csv}.
 *
 * @param orderSource source code, upper-cased (codes ignore case)
 * @param channelGroup the channel the code maps to
 * @param definition the agreed sentence shown beside the numbers
 */
public record ChannelDefinition(String orderSource, Channel channelGroup, String definition)
    implements Serializable {}
