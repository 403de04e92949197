package com.channelexpansion.ingest.read;

import java.util.Locale;

/**
 * The one header-name rule of PRODUCT.md, for every source format: names are matched
 * case-insensitively after trimming surrounding spaces and tabs (the same trimming as values, so
 * a no-break space or a line break stays part of the name). Both the canonical export header and
 * the Shopify and mapped source headers key their columns with {@link #key}, so a name that
 * matches in one format matches in all.
 */
public final class HeaderName {
  private HeaderName() {}

  /** The name as compared: spaces and tabs trimmed, lower-cased (locale-independent). */
  public static String key(String name) {
    int from = 0;
    int to = name.length();
    while (from < to && isBlank(name.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(name.charAt(to - 1))) {
      to--;
    }
    return name.substring(from, to).toLowerCase(Locale.ROOT);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
