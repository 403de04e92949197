package com.channelexpansion.ingest.formats;

import java.util.Locale;

/**
 * A file name pattern with at most one {@code *} (any text, possibly empty), matched against a
 * file's name (not its folder) ignoring case: {@code orders*.csv} matches {@code orders.csv} and
 * {@code Orders-2024-03-01.CSV}. What the star matched can be put into another pattern, which is
 * how an order file finds its line file ({@code order-details*.csv}).
 */
final class FileNamePattern {
  private FileNamePattern() {}

  /** Null when {@code pattern} is usable, else why not. */
  static String problem(String pattern) {
    if (pattern.isEmpty()) {
      return "is empty";
    }
    if (pattern.indexOf('/') >= 0 || pattern.indexOf('\\') >= 0) {
      return "must be a file name, without a folder";
    }
    if (pattern.indexOf('*') != pattern.lastIndexOf('*')) {
      return "may hold at most one *";
    }
    return null;
  }

  static boolean hasStar(String pattern) {
    return pattern.indexOf('*') >= 0;
  }

  /** What the star matched (empty without a star), or null when the name does not match. */
  static String match(String pattern, String fileName) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String name = fileName.toLowerCase(Locale.ROOT);
    int star = p.indexOf('*');
    if (star < 0) {
      return p.equals(name) ? "" : null;
    }
    String prefix = p.substring(0, star);
    String suffix = p.substring(star + 1);
    if (name.length() < prefix.length() + suffix.length()
        || !name.startsWith(prefix)
        || !name.endsWith(suffix)) {
      return null;
    }
    return fileName.substring(prefix.length(), fileName.length() - suffix.length());
  }

  /** The pattern with its star replaced by {@code starText}. */
  static String expand(String pattern, String starText) {
    int star = pattern.indexOf('*');
    return star < 0 ? pattern : pattern.substring(0, star) + starText + pattern.substring(star + 1);
  }
}
