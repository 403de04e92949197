package com.channelexpansion.ingest.validate;

/**
 * Export values as they appear in a reject's detail: quoted, at most {@value #MAX_CHARS}
 * characters, with control characters and line separators (line breaks of a quoted field, NUL
 * ...) written as
 * {@code U+000A}, so a detail stays one short line in rejects/ and in the gate's message. Only
 * values that are no personal data (numbers, timestamps, codes) are ever quoted.
 */
final class DetailText {
  static final int MAX_CHARS = 40;

  private DetailText() {}

  /** {@code 'value'}, clipped and escaped; a clipped value ends with "..." inside the quotes. */
  static String quote(String value) {
    return "'" + clip(value) + "'";
  }

  /** The value clipped and escaped, without quotes (for codes such as a currency). */
  static String clip(String value) {
    boolean clipped = value.codePointCount(0, value.length()) > MAX_CHARS;
    String head = clipped ? value.substring(0, value.offsetByCodePoints(0, MAX_CHARS)) : value;
    StringBuilder out = new StringBuilder(head.length() + 3);
    head.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.CONTROL
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("U+%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return clipped ? out.append("...").toString() : out.toString();
  }
}
