package com.channelexpansion.ingest.validate;

/**
 * A value read from an export's text, or why the text is not one: the problem becomes the detail
 * of the row's reject ("'1e5' has an exponent"), so a user can fix the export without guessing.
 *
 * @param value the value, or null when the text is invalid
 * @param problem null when the text is valid; else the quoted text and what is wrong with it
 */
public record Parsed<T>(T value, String problem) {

  static <T> Parsed<T> of(T value) {
    return new Parsed<>(value, null);
  }

  static <T> Parsed<T> invalid(String problem) {
    return new Parsed<>(null, problem);
  }

  /** True when the text was valid. */
  public boolean ok() {
    return problem == null;
  }
}
